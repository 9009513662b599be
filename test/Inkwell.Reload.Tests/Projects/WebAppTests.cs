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
        app.MapGet("/slow", async () => { await Task.Delay(1500); return "slow from the first version"; });

        app.Run();
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
        Task<string> inFlight = _client.GetStringAsync("/slow", TestContext.Current.CancellationToken);
        await Task.Delay(300, TestContext.Current.CancellationToken); // the request has reached the old version

        _project.Write("Program.cs", Template.Replace("Hello World!", "Hello again!", StringComparison.Ordinal).Replace("first version", "second version", StringComparison.Ordinal));
        ReloadResult result = _project.Reload();

        Assert.Equal("slow from the first version", await inFlight);
        Assert.Equal("Hello again!", await GetWhenUpAsync("/"));
        Assert.Equal("3", await _client.GetStringAsync("/count", TestContext.Current.CancellationToken));
        Assert.Equal([_project.PathOf("Program.cs")], result.Reloaded);
        IReadOnlyList<LeakedVersion> leaks = host.VerifyUnloaded();
        Assert.True(leaks.Count == 0, "LEAK " + string.Join(", ", leaks));

        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        Assert.DoesNotContain(reports, r => r.Contains("did not return", StringComparison.Ordinal) || r.Contains("failed", StringComparison.Ordinal));
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
