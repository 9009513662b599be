// What a web app's reload spends on its host, phase by phase, and how much of it is Kestrel's: the part a swap that
// kept Kestrel running and only replaced the request pipeline would save. Each round builds a minimal API app
// (WebApplication.CreateBuilder → Build → MapGet, as `dotnet new web` does), starts it, serves one request, stops and
// disposes it: once with Kestrel on a loopback port (what `inkwell run` does on every reload), once with a server
// that only records the app's pipeline (what a kept Kestrel would need from the new version: the request is then
// run straight through the pipeline). The two kinds alternate; medians of the warm rounds are printed.
// Run from the repository root (a .NET 10 file-based app):  dotnet run -c Release bench/scripts/web-host-cycle.cs [rounds]
#:sdk Microsoft.NET.Sdk.Web
#:property TargetFramework=net10.0
#:property PublishAot=false
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http.Features;

int rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 30;
var phases = new Dictionary<string, List<double>>();
using var client = new HttpClient();
for (int round = 0; round < rounds + 3; round++)
{
    foreach (bool kestrel in new[] { true, false })
    {
        Dictionary<string, double> times = await CycleAsync(kestrel, client);
        if (round < 3)
        {
            continue; // cold rounds: JIT
        }

        foreach ((string phase, double ms) in times)
        {
            string key = $"{(kestrel ? "kestrel" : "pipeline only")}: {phase}";
            (phases.TryGetValue(key, out List<double>? list) ? list : phases[key] = []).Add(ms);
        }
    }
}

Console.WriteLine($"{rounds} warm rounds each; load average {File.ReadAllText("/proc/loadavg").Trim()}");
foreach ((string key, List<double> values) in phases)
{
    values.Sort();
    Console.WriteLine($"{key,-40} median {values[values.Count / 2],7:F2} ms   p95 {values[(int)(0.95 * (values.Count - 1))],7:F2} ms");
}

static async Task<Dictionary<string, double>> CycleAsync(bool kestrel, HttpClient client)
{
    var times = new Dictionary<string, double>();
    long t = Stopwatch.GetTimestamp();
    void Mark(string phase)
    {
        times[phase] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        t = Stopwatch.GetTimestamp();
    }

    int port = FreePort();
    WebApplicationBuilder builder = WebApplication.CreateBuilder(["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"]);
    var recorder = new RecordingServer();
    if (!kestrel)
    {
        builder.Services.AddSingleton<IServer>(recorder);
    }

    WebApplication app = builder.Build();
    app.MapGet("/", () => "Hello World!");
    Mark("create builder, build, map");
    await app.StartAsync();
    Mark("start");
    if (kestrel)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/");
        request.Headers.ConnectionClose = true;
        (await client.SendAsync(request)).EnsureSuccessStatusCode();
    }
    else
    {
        await recorder.ServeOneAsync();
    }

    Mark("first request");
    await app.StopAsync();
    Mark("stop");
    await app.DisposeAsync();
    Mark("dispose");
    return times;
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

/// <summary>An IServer that listens on nothing: it keeps the pipeline it is given and runs one request through it.</summary>
internal sealed class RecordingServer : IServer
{
    private Func<IFeatureCollection, Task>? _serve;

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull
    {
        _serve = async features =>
        {
            TContext context = application.CreateContext(features);
            Exception? failure = null;
            try
            {
                await application.ProcessRequestAsync(context);
            }
            catch (Exception exception)
            {
                failure = exception;
            }

            application.DisposeContext(context, failure);
        };
        return Task.CompletedTask;
    }

    public Task ServeOneAsync()
    {
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature { Method = "GET", Path = "/", Protocol = "HTTP/1.1", Scheme = "http" });
        var response = new HttpResponseFeature();
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null));
        return _serve!(features);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
