// Registers NAME as TYPE on PORT and browses TYPE on INTERFACE (IPv4) until SIGTERM or Ctrl+C, printing "registered <name>",
// "added <name>" and "removed <name>". Usage: Inkwell.Zeroconf.AotProbe INTERFACE HOST NAME TYPE PORT
using Inkwell.Zeroconf;

if (args.Length != 5 || !int.TryParse(args[4], out int port))
{
    Console.Error.WriteLine("usage: Inkwell.Zeroconf.AotProbe INTERFACE HOST NAME TYPE PORT");
    return 2;
}
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    stop.Cancel();
});

await using var discovery = new DnsServiceDiscovery(new DnsServiceDiscoveryOptions { Interfaces = [args[0]], HostName = args[1], UseIPv6 = false });
Task browse = Task.Run(async () =>
{
    await foreach (ServiceBrowseEvent e in discovery.BrowseAsync(args[3], cancellationToken: stop.Token))
    {
        Console.WriteLine($"{e.Kind.ToString().ToLowerInvariant()} {e.InstanceName}");
    }
});
await using ServiceRegistration registration = await discovery.RegisterAsync(new ServiceProfile(args[2], args[3], port), stop.Token);
Console.WriteLine($"registered {registration.Name}");
try
{
    await browse;
}
catch (OperationCanceledException)
{
}
return 0;
