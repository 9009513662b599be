namespace Inkwell.Reload.Tests;

/// <summary>The repository's sample program, run as <c>inkwell run</c> runs it: background reloads, the entry point
/// restarted, automatic unload verification.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task LiveSimulation_ReloadsWithStateKept_AndLeavesNoOldVersionAlive()
    {
        string? sample = FindSample();
        if (sample is null)
        {
            Assert.Skip("samples/LiveSimulation was not found above the test assembly's folder.");
        }

        using var folder = new ModuleFolder();
        foreach (string file in Directory.GetFiles(sample, "*.cs"))
        {
            folder.Write(Path.GetFileName(file), File.ReadAllText(file));
        }

        var log = new ListLoggerFactory();
        var reloads = new System.Collections.Concurrent.BlockingCollection<ReloadResult>();
        ReloadHost host = folder.Start(o => new ReloadHostOptions
        {
            RootDirectory = o.RootDirectory,
            Watch = WatchMode.Events,
            ApplyInBackground = true,
            VerifyUnloadAfter = TimeSpan.FromMilliseconds(500),
            LoggerFactory = log,
        });
        host.Reloaded += (_, e) => reloads.Add(e.Result);
        var runner = new EntryPointRunner(host); // it logs to the host's log too
        using var stop = new CancellationTokenSource();
        Task<int> running = runner.RunAsync(stop.Token);
        // The simulation has run a few ticks: there is state for the reload to carry over.
        await Eventually.TrueAsync(() => (int)folder.Get("World", "Tick")! >= 3, () => $"tick {folder.Get("World", "Tick")}", cancellationToken: TestContext.Current.CancellationToken);
        int tickBefore = (int)folder.Get("World", "Tick")!;

        folder.Write("Rules.cs", File.ReadAllText(folder.PathOf("Rules.cs")).Replace("tick % 3 == 0 ? 2 : -1", "1", StringComparison.Ordinal));
        Assert.True(reloads.TryTake(out ReloadResult? result, 60_000, TestContext.Current.CancellationToken));
        Assert.Equal(ReloadStatus.Succeeded, result.Status);
        Assert.True((int)folder.Get("World", "Tick")! >= tickBefore);

        // The automatic check runs 500 ms after the old entry point has returned; it finds every old version gone.
        var verdict = await log.WaitForAsync(e => e.Id.Id is 300 or 301, TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        Assert.Equal(301, verdict.Id.Id);
        Assert.DoesNotContain(log.Entries, e => e.Id.Id == 300);
        Assert.Empty(host.VerifyUnloaded());
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
    }

    private static string? FindSample()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "samples", "LiveSimulation");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
