using System.Net;
using System.Net.Sockets;

namespace Inkwell.Reload.Tests.Projects;

/// <summary>An ASP.NET Core minimal API project (the <c>dotnet new web</c> template plus a store) run by the entry-point
/// runner, answering real HTTP requests on loopback across reloads.</summary>
[Trait("Category", "Slow")]
public sealed class WebAppTests : IDisposable
{
    private const string Template = """
        var builder = WebApplication.CreateBuilder(args);
        var app = builder.Build();

        app.MapGet("/", () => "Hello World!");
        app.MapGet("/count", () => Store.Next());
        app.MapGet("/point", () => new Point(1, 2));
        app.MapGet("/slow", async () => { await Task.Delay(1500); return "slow from the first version"; });

        app.Run();

        public record Point(int X, int Y);
        """;

    private readonly ProjectFolder _project = new();
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        _client.Dispose();
        _project.Dispose();
    }

    [Fact]
    public async Task WebApp_AfterAnEdit_TheNextRequestIsServedByTheNewCode_OnTheSamePort_WithStateKept_AndInFlightRequestsFinish()
    {
        _project.WriteProject(sdk: "Microsoft.NET.Sdk.Web")
            .Write("Program.cs", Template)
            .Write("Store.cs", "using Inkwell.Reload;\npublic static class Store { [Preserve] public static int Count; public static int Next() => ++Count; }");
        ReloadHost host = _project.Start();
        string url = $"http://127.0.0.1:{FreePort()}";
        _client.BaseAddress = new Uri(url);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var reports = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var runner = new EntryPointRunner(host, args: ["--urls", url], report: reports.Enqueue);
        Task<int> running = runner.RunAsync(stop.Token);

        Assert.Equal("Hello World!", await GetWhenUpAsync("/"));
        Assert.Equal("1", await _client.GetStringAsync("/count", TestContext.Current.CancellationToken));
        Assert.Equal("2", await _client.GetStringAsync("/count", TestContext.Current.CancellationToken));
        // System.Text.Json caches what it learnt about the old version's Point in a static of the framework.
        Assert.Equal("""{"x":1,"y":2}""", await _client.GetStringAsync("/point", TestContext.Current.CancellationToken));
        Task<string> inFlight = _client.GetStringAsync("/slow", TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken); // the request has reached the old version

        _project.Write("Program.cs", Template.Replace("Hello World!", "Hello again!", StringComparison.Ordinal).Replace("first version", "second version", StringComparison.Ordinal));
        ReloadResult result = _project.Reload();

        Assert.Equal("slow from the first version", await inFlight);
        Assert.Equal("Hello again!", await GetWhenUpAsync("/"));
        Assert.Equal("3", await _client.GetStringAsync("/count", TestContext.Current.CancellationToken));
        // With the public Program the SDK's generator declares for it (its unit: a partial of the same class).
        Assert.Equal([_project.PathOf("Program.cs")], result.Reloaded.Except(result.Generated));
        Assert.Equal("PublicTopLevelProgram.Generated.g.cs", Path.GetFileName(Assert.Single(result.Generated)));
        Assert.Equal("""{"x":1,"y":2}""", await _client.GetStringAsync("/point", TestContext.Current.CancellationToken));

        // Nothing keeps the first version alive: not the stopped host, not the framework's caches.
        IReadOnlyList<LeakedVersion> leaks = host.VerifyUnloaded();
        Assert.True(leaks.Count == 0, "still alive: " + string.Join(", ", leaks));

        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.DoesNotContain(reports, r => r.Contains("did not return", StringComparison.Ordinal) || r.Contains("failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WebApp_AHundredReloads_LeaveNoOldVersionAlive_AndMemoryFlat()
    {
        _project.WriteProject(sdk: "Microsoft.NET.Sdk.Web")
            .Write("Program.cs", Template)
            .Write("Store.cs", "using Inkwell.Reload;\npublic static class Store { [Preserve] public static int Count; public static int Next() => ++Count; }");
        ReloadHost host = _project.Start();
        string url = $"http://127.0.0.1:{FreePort()}";
        _client.BaseAddress = new Uri(url);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        Task<int> running = new EntryPointRunner(host, args: ["--urls", url, "--Logging:LogLevel:Default=Warning"]).RunAsync(stop.Token);
        Assert.Equal("Hello World!", await GetWhenUpAsync("/"));
        long memoryAt10 = 0;

        for (int i = 1; i <= 100; i++)
        {
            _project.Write("Program.cs", Template.Replace("Hello World!", $"Hello {i}", StringComparison.Ordinal));
            _project.Reload();
            await GetUntilAsync("/", $"Hello {i}");
            // Each version's endpoints, DI container and System.Text.Json metadata for its own Point.
            Assert.Equal("""{"x":1,"y":2}""", await _client.GetStringAsync("/point", TestContext.Current.CancellationToken));
            Assert.Equal(i.ToString(System.Globalization.CultureInfo.InvariantCulture), await _client.GetStringAsync("/count", TestContext.Current.CancellationToken));
            if (i == 10)
            {
                Assert.Empty(host.VerifyUnloaded());
                memoryAt10 = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        IReadOnlyList<LeakedVersion> leaks = host.VerifyUnloaded();
        Assert.True(leaks.Count == 0, $"{leaks.Count} old versions still alive, such as {leaks.FirstOrDefault()}");
        long growth = GC.GetTotalMemory(forceFullCollection: true) - memoryAt10;
        Assert.True(growth < 16 * 1024 * 1024, $"managed memory grew by {growth / 1024} KiB over 90 reloads");
        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
    }

    /// <summary>GETs <paramref name="path"/> until it answers <paramref name="expected"/>.</summary>
    private async Task GetUntilAsync(string path, string expected)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (await GetWhenUpAsync(path) != expected)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"{path} never answered '{expected}'");
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>GETs <paramref name="path"/>, retrying while nothing listens yet (the host is starting or restarting).</summary>
    private async Task<string> GetWhenUpAsync(string path)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await _client.GetStringAsync(path, TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException exception) when (exception.InnerException is SocketException && deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
