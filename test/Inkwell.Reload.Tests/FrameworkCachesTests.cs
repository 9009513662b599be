[assembly: System.Reflection.Metadata.MetadataUpdateHandler(typeof(Inkwell.Reload.Tests.BlockingCacheHandler))]

namespace Inkwell.Reload.Tests;

/// <summary>A framework cache handler (found like ASP.NET Core's, by its assembly attribute) that a test can make
/// block, to see what waits for the host's cache clearing; a no-op otherwise.</summary>
internal static class BlockingCacheHandler
{
    public static volatile ManualResetEventSlim? Gate;

    public static SemaphoreSlim Entered { get; } = new(0);

    public static void ClearCache(Type[]? types)
    {
        if (Gate is { } gate)
        {
            Entered.Release();
            gate.Wait(TimeSpan.FromMinutes(2));
        }
    }
}

/// <summary>The framework's cache handlers run after a commit, off the new version's path: the entry point restarts
/// while they run. Runs alone: while the handler blocks, every host's clearing waits.</summary>
[Collection(RestartingHostsSwitchCollection.Name)]
public sealed class FrameworkCachesTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task EntryInAUnitOfSeveralModules_RestartsWhileTheCachesAreCleared()
    {
        // Program.cs and Helper.cs use each other: one unit of two modules, whose entry's module the runner asks the host for.
        using var folder = new ModuleFolder()
            .Write("Program.cs", """
                public static class Program
                {
                    public static async Task RunAsync(CancellationToken token)
                    {
                        Inkwell.Reload.Tests.EntryProbe.Started.Add(Helper.Label());
                        await Task.Delay(Timeout.Infinite, token);
                    }
                }
                """)
            .Write("Helper.cs", "public static class Helper { public static string Label() => \"one \" + typeof(Program).Name; }");
        while (EntryProbe.Started.TryTake(out _))
        {
        }

        ReloadHost host = folder.Start();
        Assert.Contains(host.Graph.Units, u => u.Count == 2);
        var runner = new EntryPointRunner(host);
        using var stop = new CancellationTokenSource();
        Task<int> running = runner.RunAsync(stop.Token);
        Assert.True(EntryProbe.Started.TryTake(out string? first, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken));
        Assert.Equal("one Program", first);

        using var gate = new ManualResetEventSlim();
        Task<ReloadResult> reload;
        BlockingCacheHandler.Gate = gate;
        try
        {
            folder.Write("Helper.cs", "public static class Helper { public static string Label() => \"two \" + typeof(Program).Name; }");
            reload = Task.Run(() => host.Reload(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
            Assert.True(await BlockingCacheHandler.Entered.WaitAsync(s_patience, TestContext.Current.CancellationToken), "the cache handler never ran");

            Assert.True(EntryProbe.Started.TryTake(out string? second, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken), "the entry waited for the cache handler");
            Assert.Equal("two Program", second);
            Assert.False(reload.IsCompleted); // still clearing
        }
        finally
        {
            BlockingCacheHandler.Gate = null;
            gate.Set();
        }

        Assert.True((await reload.WaitAsync(s_patience, TestContext.Current.CancellationToken)).Succeeded);
        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(s_patience, TestContext.Current.CancellationToken));
    }
}
