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
        app.MapGet("/slow", async () => { Interlocked.Increment(ref Slow.Started); await Task.Delay(1500); return "slow from the first version"; });
        app.MapGet("/slow/started", () => Volatile.Read(ref Slow.Started));

        app.Run();

        public record Point(int X, int Y);

        static class Slow { public static int Started; }
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
        var log = new ListLoggerFactory();
        ReloadHost host = _project.Start(log: log);
        string url = $"http://127.0.0.1:{FreePort()}";
        _client.BaseAddress = new Uri(url);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var runner = new EntryPointRunner(host, args: ["--urls", url]);
        Task<int> running = runner.RunAsync(stop.Token);

        Assert.Equal("Hello World!", await GetWhenUpAsync("/"));
        Assert.Equal("1", await _client.GetStringAsync("/count", TestContext.Current.CancellationToken));
        Assert.Equal("2", await _client.GetStringAsync("/count", TestContext.Current.CancellationToken));
        // System.Text.Json caches what it learnt about the old version's Point in a static of the framework.
        Assert.Equal("""{"x":1,"y":2}""", await _client.GetStringAsync("/point", TestContext.Current.CancellationToken));
        Task<string> inFlight = _client.GetStringAsync("/slow", TestContext.Current.CancellationToken);
        // The request has reached the old version's handler before the edit.
        while (await _client.GetStringAsync("/slow/started", TestContext.Current.CancellationToken) == "0")
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

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
        // The runner neither waited out an entry that did not stop (615, 616) nor saw it fail (612).
        Assert.DoesNotContain(log.Entries, e => e.Id.Id is 612 or 615 or 616);
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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WebApp_ClientsConnectingThroughoutAReload_AreRefusedOnlyWhenTheSocketsAreNotKept(bool keepListeningSockets)
    {
        // The old version stops only once its slow request has finished (3 s): meanwhile its Kestrel accepts no more,
        // and a client connecting then is refused unless the socket stays open for the next version.
        string template = Template.Replace("Task.Delay(1500)", "Task.Delay(3000)", StringComparison.Ordinal);
        _project.WriteProject(sdk: "Microsoft.NET.Sdk.Web")
            .Write("Program.cs", template)
            .Write("Store.cs", "using Inkwell.Reload;\npublic static class Store { [Preserve] public static int Count; public static int Next() => ++Count; }");
        ReloadHost host = _project.Start();
        int port = FreePort();
        _client.BaseAddress = new Uri($"http://127.0.0.1:{port}");
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var runner = new EntryPointRunner(host, args: ["--urls", $"http://127.0.0.1:{port}", "--Logging:LogLevel:Default=Warning"]) { KeepListeningSockets = keepListeningSockets };
        Task<int> running = runner.RunAsync(stop.Token);
        Assert.Equal("Hello World!", await GetWhenUpAsync("/"));

        using var hammering = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var answers = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Task<int> hammer = HammerAsync(port, answers, hammering.Token);
        Task<string> inFlight = _client.GetStringAsync("/slow", TestContext.Current.CancellationToken);
        await GetUntilAsync("/count", "1"); // the slow request's connection is open; now the reload
        _project.Write("Program.cs", template.Replace("Hello World!", "Hello again!", StringComparison.Ordinal));
        ReloadResult result = await Task.Run(_project.Reload, TestContext.Current.CancellationToken); // waits for the old version to stop

        Assert.Equal("slow from the first version", await inFlight);
        await GetUntilAsync("/", "Hello again!");
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!answers.Contains("Hello again!") && !hammer.IsCompleted && deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        await hammering.CancelAsync();
        int turnedAway = await hammer;

        Assert.Contains(_project.PathOf("Program.cs"), result.Reloaded);
        Assert.Contains("Hello World!", answers);
        if (keepListeningSockets)
        {
            Assert.Equal(0, turnedAway);
            Assert.Contains("Hello again!", answers);
            Assert.All(answers, a => Assert.True(a is "Hello World!" or "Hello again!", a));
        }
        else
        {
            Assert.True(turnedAway > 0, "the port was never closed during the reload: this test cannot tell the two ways apart");
        }

        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken));
        IReadOnlyList<LeakedVersion> leaks = host.VerifyUnloaded();
        Assert.True(leaks.Count == 0, "still alive: " + string.Join(", ", leaks));

        // Stopping the runner closed the kept socket.
        await Assert.ThrowsAsync<SocketException>(async () =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
        });
    }

    /// <summary>Connects again and again, each time on a new connection, and sends <c>GET /</c> (HTTP/1.0: the body
    /// unchunked, up to the close) until cancelled. Adds every answer to <paramref name="answers"/> (the body of a 200,
    /// or the whole response otherwise) and returns how many connections were turned away while connecting: refused
    /// (nothing listening) or reset (the listening socket closed with the connection in its backlog). A connection the
    /// old version accepted just as it stopped may be closed unanswered; that is neither.</summary>
    private static async Task<int> HammerAsync(int port, System.Collections.Concurrent.ConcurrentQueue<string> answers, CancellationToken cancellationToken)
    {
        int turnedAway = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
            {
                turnedAway++;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                if (!client.Connected)
                {
                    await Task.Delay(10, cancellationToken);
                    continue;
                }

                NetworkStream stream = client.GetStream();
                await stream.WriteAsync("GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"u8.ToArray(), cancellationToken);
                using var reader = new StreamReader(stream);
                string response = await reader.ReadToEndAsync(cancellationToken);
                int body = response.IndexOf("\r\n\r\n", StringComparison.Ordinal);
                if (response.StartsWith("HTTP/1.1 200 ", StringComparison.Ordinal) && body >= 0)
                {
                    answers.Enqueue(response[(body + 4)..]);
                }
                else if (response.Length > 0)
                {
                    answers.Enqueue(response);
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException && !cancellationToken.IsCancellationRequested)
            {
                // closed by the old version's shutdown before it answered
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            try
            {
                await Task.Delay(10, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return turnedAway;
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
