using System.Diagnostics;
using System.Globalization;
using Inkwell.Zeroconf;

// Timings for bench/scripts/zeroconf-lab.sh, which runs this inside a network namespace only.
//   browse TYPE N INTERFACE   N times: a fresh DnsServiceDiscovery, BrowseAsync, milliseconds to the first "added"
//   register NAME TYPE PORT INTERFACE   prints the Unix time in ms when RegisterAsync is called, then holds the name
//   first-seen TYPE INTERFACE   prints the Unix time in ms of the first "added" (paired with register for register → visible)
//   memory N INTERFACE [HOLD]   registers N services at once; prints the time it took and the managed heap they hold,
//                               then holds them HOLD more seconds (default 0) so a script can read /proc meanwhile
string mode = args[0];
if (mode == "browse")
{
    var times = new List<double>();
    for (int i = 0; i < int.Parse(args[2], CultureInfo.InvariantCulture); i++)
    {
        // Responders will not multicast the same record twice within a second (RFC 6762 §6): pause
        // so each browse meets a responder as a fresh browser would, not one that just answered.
        await Task.Delay(1500);
        await using var discovery = new DnsServiceDiscovery(new DnsServiceDiscoveryOptions { Interfaces = [args[3]], UseIPv6 = false });
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var stopwatch = Stopwatch.StartNew();
        await foreach (ServiceBrowseEvent e in discovery.BrowseAsync(args[1], cancellationToken: cancel.Token))
        {
            if (e.Kind == ServiceBrowseEventKind.Added)
            {
                break;
            }
        }
        times.Add(stopwatch.Elapsed.TotalMilliseconds);
        // Wall-clock start and end (Unix ms) too, to line up with a packet trace of the same run.
        long end = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"iteration {i}: {times[^1]:F1} ms (start {end - (long)times[^1]}, end {end})"));
    }
    times.Sort();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"median {times[times.Count / 2]:F1} ms, min {times[0]:F1}, max {times[^1]:F1}, n={times.Count}"));
}
else if (mode == "register")
{
    await using var discovery = new DnsServiceDiscovery(new DnsServiceDiscoveryOptions { Interfaces = [args[4]], UseIPv6 = false });
    await Task.Delay(500); // sockets open, JIT warm enough
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}"));
    await using ServiceRegistration registration = await discovery.RegisterAsync(new ServiceProfile(args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture)));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registered {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {registration.Name}"));
    await Task.Delay(TimeSpan.FromSeconds(15));
}
else if (mode == "first-seen")
{
    await using var discovery = new DnsServiceDiscovery(new DnsServiceDiscoveryOptions { Interfaces = [args[2]], UseIPv6 = false });
    using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    await foreach (ServiceBrowseEvent e in discovery.BrowseAsync(args[1], cancellationToken: cancel.Token))
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seen {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {e.InstanceName}"));
        break;
    }
}
else if (mode == "memory")
{
    int count = int.Parse(args[1], CultureInfo.InvariantCulture);
    await using var discovery = new DnsServiceDiscovery(new DnsServiceDiscoveryOptions { Interfaces = [args[2]], UseIPv6 = false });
    long before = GC.GetTotalMemory(forceFullCollection: true);
    var stopwatch = Stopwatch.StartNew();
    ServiceRegistration[] registrations = await Task.WhenAll(Enumerable.Range(0, count).Select(i =>
        discovery.RegisterAsync(new ServiceProfile($"Service {i}", "_mem._tcp", 10000 + i) { Txt = [new("index", i.ToString(CultureInfo.InvariantCulture))] })));
    TimeSpan took = stopwatch.Elapsed;
    await Task.Delay(TimeSpan.FromSeconds(3)); // announcements done
    long after = GC.GetTotalMemory(forceFullCollection: true);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{count} services registered in {took.TotalMilliseconds:F0} ms; managed heap +{(after - before) / 1024.0 / 1024.0:F2} MiB ({(after - before) / count} B per service); working set {Environment.WorkingSet / 1024 / 1024} MiB"));
    await Task.Delay(TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 0));
    GC.KeepAlive(registrations);
}
