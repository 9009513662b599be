using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Inkwell.Reload.Tests;

public sealed class WatchingTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    // In the background the host starts at the first event; this is how long a doubtful outcome (a compile error, a
    // deleted or emptied module) waits for quiet. Long enough that the pauses inside a multi-step save below stay
    // inside it even on a loaded machine.
    private static readonly TimeSpan s_debounce = TimeSpan.FromMilliseconds(2000);

    // A pause inside a save: longer than a transaction takes on a quiet machine, so the host sees the save's middle
    // (an empty file, half a file, no file) and must wait for the files to settle rather than report it.
    private static readonly TimeSpan s_midSavePause = TimeSpan.FromMilliseconds(300);

    public enum SavePattern
    {
        WriteInPlace,
        WriteTempThenRename,
        TruncateThenWriteInTwoSteps,
        DeleteThenCreate,
        BurstOfWrites,
    }

    [Theory]
    [InlineData(SavePattern.WriteInPlace, WatchMode.Events)]
    [InlineData(SavePattern.WriteTempThenRename, WatchMode.Events)]
    [InlineData(SavePattern.TruncateThenWriteInTwoSteps, WatchMode.Events)]
    [InlineData(SavePattern.DeleteThenCreate, WatchMode.Events)]
    [InlineData(SavePattern.WriteInPlace, WatchMode.Polling)]
    [InlineData(SavePattern.WriteTempThenRename, WatchMode.Polling)]
    [InlineData(SavePattern.TruncateThenWriteInTwoSteps, WatchMode.Polling)]
    [InlineData(SavePattern.DeleteThenCreate, WatchMode.Polling)]
    public async Task EditorSavePattern_GivesExactlyOneReload(SavePattern pattern, WatchMode mode)
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 0; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 1; }");
        var results = new BlockingCollection<ReloadResult>();
        ReloadHost host = folder.Start(o => Background(o, mode));
        host.Reloaded += (_, e) => results.Add(e.Result);

        await SaveAsync(folder, "A.cs", "public static class A { public static int Value() => 41; }", pattern);

        Assert.True(results.TryTake(out ReloadResult? first, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken), "no reload happened");
        Assert.Equal(ReloadStatus.Succeeded, first.Status);
        Assert.Equal([folder.PathOf("A.cs"), folder.PathOf("B.cs")], first.Reloaded);
        Assert.Equal(42, folder.Call("B", "Value"));

        // Nothing more may follow: wait well past the debounce and a polling round.
        Assert.False(results.TryTake(out ReloadResult? extra, 3000, TestContext.Current.CancellationToken), $"a second reload: {extra}");
        Assert.Equal(2, host.Generation);
    }

    [Theory]
    [InlineData(WatchMode.Events)]
    [InlineData(WatchMode.Polling)]
    public async Task BurstOfWrites_EndsWithTheLastContentLoaded(WatchMode mode)
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 0; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 1; }");
        var results = new BlockingCollection<ReloadResult>();
        ReloadHost host = folder.Start(o => Background(o, mode));
        host.Reloaded += (_, e) => results.Add(e.Result);

        // Five saves 20 ms apart: the host starts at the first event, so some of the middle ones may load too (each
        // a complete file); the last one must be what stays loaded.
        await SaveAsync(folder, "A.cs", "public static class A { public static int Value() => 41; }", SavePattern.BurstOfWrites);

        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!Equals(folder.Call("B", "Value"), 42) && waited.Elapsed < s_patience)
        {
            if (results.TryTake(out ReloadResult? result, 100, TestContext.Current.CancellationToken))
            {
                Assert.Equal(ReloadStatus.Succeeded, result.Status);
            }
        }

        Assert.Equal(42, folder.Call("B", "Value"));
        while (results.TryTake(out ReloadResult? late, 2000, TestContext.Current.CancellationToken))
        {
            Assert.Equal(ReloadStatus.Succeeded, late.Status);
        }

        Assert.Equal(42, folder.Call("B", "Value"));
    }

    [Fact]
    public void ChangeBeforeTheCommit_StartsTheTransactionOver_AndLeavesNothingBehind()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { [Inkwell.Reload.Preserve] public static int Count = 5; public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 1; }");
        var log = new ListLoggerFactory();
        var results = new BlockingCollection<ReloadResult>();
        ReloadHost host = folder.Start(o =>
        {
            ReloadHostOptions options = Background(o, WatchMode.Events);
            return new ReloadHostOptions
            {
                RootDirectory = options.RootDirectory, Watch = options.Watch, ApplyInBackground = true, Debounce = options.Debounce, WarmUp = false, LoggerFactory = log,
            };
        });
        int reloading = 0;
        int superseded = 0;
        host.Reloading += (_, _) => Interlocked.Increment(ref reloading);
        host.Reloaded += (_, e) => results.Add(e.Result);
        host.StageReached = stage =>
        {
            // The first transaction has compiled and loaded its versions of A and B; the file moves on before it commits.
            if (stage == "load" && Interlocked.Exchange(ref superseded, 1) == 0)
            {
                folder.Write("A.cs", "public static class A { [Inkwell.Reload.Preserve] public static int Count = 0; public static int Value() => 3; }");
                host.MarkChanged();
            }
        };

        folder.Write("A.cs", "public static class A { [Inkwell.Reload.Preserve] public static int Count = 0; public static int Value() => 2; }");

        Assert.True(results.TryTake(out ReloadResult? first, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken), "no reload happened");
        Assert.Equal(1, superseded);
        Assert.Equal(ReloadStatus.Succeeded, first.Status);
        Assert.Equal(4, folder.Call("B", "Value"));
        Assert.Equal(5, folder.Get("A", "Count"));     // carried over from version 1, not from the discarded version
        Assert.Equal(2, host.GetVersion("A.cs"));      // the discarded transaction made no version
        Assert.Equal(2, host.Generation);
        Assert.Equal(1, reloading);                    // and stopped nothing
        Assert.Contains(log.Entries, e => e.Message.Contains("changed again before the load stage ended", StringComparison.Ordinal));
        Assert.False(results.TryTake(out ReloadResult? extra, 2000, TestContext.Current.CancellationToken), $"a second reload: {extra}");

        // The discarded versions were unloaded like the replaced ones: nothing of either is left.
        Assert.Empty(host.VerifyUnloaded());
        Assert.Equal(0, host.PendingUnloads);
    }

    [Fact]
    public void CompileError_InTheBackground_IsReportedOnceTheFilesAreQuiet_AndTheOldVersionKeepsRunning()
    {
        using var folder = new ModuleFolder().Write("A.cs", "public static class A { public static int Value() => 1; }");
        var results = new BlockingCollection<ReloadResult>();
        ReloadHost host = folder.Start(o => Background(o, WatchMode.Events));
        host.Reloaded += (_, e) => results.Add(e.Result);

        folder.Write("A.cs", "public static class A { public static int Value() => missing; }");

        Assert.True(results.TryTake(out ReloadResult? failed, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken), "no result");
        Assert.Equal(ReloadStatus.CompileFailed, failed.Status);
        Assert.Contains(failed.Diagnostics, d => d.Id == "CS0103" && d.Path == folder.PathOf("A.cs") && d.Line == 1);
        Assert.Equal(1, folder.Call("A", "Value"));
        Assert.False(results.TryTake(out ReloadResult? extra, 4000, TestContext.Current.CancellationToken), $"reported twice: {extra}");
    }

    [Fact]
    public async Task WritesUnderBinAndObj_AreNotChanges_ButAModuleEditStillIs()
    {
        using var folder = new ModuleFolder().Write("A.cs", "public static class A { public static int Value() => 1; }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.Events, WarmUp = false });

        // What a restore and a build do: create bin/ and obj/, write generated sources, props and temporary files.
        folder.Write("obj/Debug/net10.0/App.GlobalUsings.g.cs", "global using System;")
            .Write("obj/App.csproj.nuget.g.props", "<Project />")
            .Write("bin/Debug/tmp1a2b", "x");
        File.Delete(folder.PathOf("bin/Debug/tmp1a2b"));
        // A window for the watcher to (wrongly) take those events in: that nothing happens can only be seen by waiting.
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(host.HasPendingChanges);

        folder.Write("A.cs", "public static class A { public static int Value() => 2; }");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!host.HasPendingChanges && waited.Elapsed < s_patience)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        Assert.True(host.HasPendingChanges);
    }

    [Fact]
    public async Task Poll_AppliesChangesOnTheCallingThread()
    {
        using var folder = new ModuleFolder().Write("A.cs", "public static class A { public static int Value() => 1; }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.Events, Debounce = TimeSpan.FromMilliseconds(100), WarmUp = false });
        int eventThread = -1;
        host.Reloaded += (_, _) => eventThread = Environment.CurrentManagedThreadId;

        folder.Write("A.cs", "public static class A { public static int Value() => 2; }");
        ReloadResult? result = null;
        int pollThread = -1;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (result is null && waited.Elapsed < s_patience)
        {
            pollThread = Environment.CurrentManagedThreadId;
            result = host.Poll(TestContext.Current.CancellationToken);
            if (result is null)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        Assert.NotNull(result);
        Assert.Equal(ReloadStatus.Succeeded, result.Status);
        Assert.Equal(pollThread, eventThread);
        Assert.Equal(2, folder.Call("A", "Value"));
        Assert.Null(host.Poll(TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Poll_WaitsForTheDebounce_InVirtualTime()
    {
        var time = new FakeTimeProvider();
        using var folder = new ModuleFolder().Write("A.cs", "public static class A { public static int Value() => 1; }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.None, TimeProvider = time, Debounce = TimeSpan.FromMilliseconds(50), WarmUp = false });

        folder.Write("A.cs", "public static class A { public static int Value() => 2; }");
        host.MarkChanged();
        time.Advance(TimeSpan.FromMilliseconds(30));
        host.MarkChanged();
        time.Advance(TimeSpan.FromMilliseconds(30));

        Assert.True(host.HasPendingChanges);
        Assert.Null(host.Poll(TestContext.Current.CancellationToken));

        time.Advance(TimeSpan.FromMilliseconds(20));
        ReloadResult? result = host.Poll(TestContext.Current.CancellationToken);

        Assert.NotNull(result);
        Assert.False(host.HasPendingChanges);
        Assert.Equal(2, folder.Call("A", "Value"));
    }

    [Fact]
    public void Polling_InVirtualTime_NoticesAChange()
    {
        var time = new FakeTimeProvider();
        using var folder = new ModuleFolder().Write("A.cs", "public static class A { public static int Value() => 1; }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.Polling, TimeProvider = time, PollingInterval = TimeSpan.FromSeconds(1), WarmUp = false });

        File.WriteAllText(folder.PathOf("A.cs"), "public static class A { public static int Value() => 22; }");
        File.SetLastWriteTimeUtc(folder.PathOf("A.cs"), DateTime.UtcNow.AddMinutes(1));
        Assert.False(host.HasPendingChanges);

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(host.HasPendingChanges);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.NotNull(host.Poll(TestContext.Current.CancellationToken));
        Assert.Equal(22, folder.Call("A", "Value"));
    }

    [Theory]
    [InlineData(WatchMode.Events)]
    [InlineData(WatchMode.Polling)]
    public void NewAndDeletedFiles_AreNoticed(WatchMode mode)
    {
        using var folder = new ModuleFolder().Write("A.cs", "public static class A { }");
        var results = new BlockingCollection<ReloadResult>();
        ReloadHost host = folder.Start(o => Background(o, mode));
        host.Reloaded += (_, e) => results.Add(e.Result);

        folder.Write("sub/New.cs", "public static class New { public static int Value() => 5; }");
        Assert.True(results.TryTake(out ReloadResult? added, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken));
        Assert.Equal([folder.PathOf("sub/New.cs")], added.Reloaded);
        Assert.Equal(5, folder.Call("New", "Value"));

        folder.Delete("sub/New.cs");
        Assert.True(results.TryTake(out ReloadResult? removed, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken));
        Assert.Equal([folder.PathOf("sub/New.cs")], removed.Removed);
        Assert.Null(host.FindType("New"));
    }

    [Fact]
    public void FilesOutsideModules_AreIgnored()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { }")
            .Write("obj/Generated.cs", "this is not C#")
            .Write("bin/Debug/X.cs", "neither is this")
            .Write(".hidden/Y.cs", "nor this");
        ReloadHost host = folder.Start();

        Assert.Equal([folder.PathOf("A.cs")], host.Graph.Modules);
    }

    private static ReloadHostOptions Background(ReloadHostOptions o, WatchMode mode)
    {
        var options = new ReloadHostOptions
        {
            RootDirectory = o.RootDirectory,
            Watch = mode,
            ApplyInBackground = true,
            Debounce = s_debounce,
            PollingInterval = TimeSpan.FromMilliseconds(100),
            WarmUp = false,
        };
        foreach (System.Reflection.Assembly assembly in o.SharedAssemblies)
        {
            options.SharedAssemblies.Add(assembly);
        }

        return options;
    }

    private static async Task SaveAsync(ModuleFolder folder, string name, string text, SavePattern pattern)
    {
        string path = folder.PathOf(name);
        switch (pattern)
        {
            case SavePattern.WriteInPlace:
                await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                {
                    stream.SetLength(0);
                    byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
                    await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), TestContext.Current.CancellationToken);
                    await stream.FlushAsync(TestContext.Current.CancellationToken);
                    await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2), TestContext.Current.CancellationToken);
                }

                break;
            case SavePattern.TruncateThenWriteInTwoSteps:
                // With pauses a reader can land in: an empty file, then half of one (which does not parse).
                await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write))
                {
                    stream.SetLength(0);
                    await stream.FlushAsync(TestContext.Current.CancellationToken);
                    await Task.Delay(s_midSavePause, TestContext.Current.CancellationToken);
                    byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text);
                    await stream.WriteAsync(bytes.AsMemory(0, bytes.Length / 2), TestContext.Current.CancellationToken);
                    await stream.FlushAsync(TestContext.Current.CancellationToken);
                    await Task.Delay(s_midSavePause, TestContext.Current.CancellationToken);
                    await stream.WriteAsync(bytes.AsMemory(bytes.Length / 2), TestContext.Current.CancellationToken);
                }

                break;
            case SavePattern.WriteTempThenRename:
                string temp = path + ".tmp~";
                await File.WriteAllTextAsync(temp, text, TestContext.Current.CancellationToken);
                File.Move(temp, path, overwrite: true);
                break;
            case SavePattern.DeleteThenCreate:
                File.Delete(path);
                await Task.Delay(s_midSavePause, TestContext.Current.CancellationToken);
                await File.WriteAllTextAsync(path, text, TestContext.Current.CancellationToken);
                break;
            case SavePattern.BurstOfWrites:
                for (int i = 0; i < 5; i++)
                {
                    await File.WriteAllTextAsync(path, i < 4 ? text.Replace("41", $"{i}", StringComparison.Ordinal) : text, TestContext.Current.CancellationToken);
                    await Task.Delay(20, TestContext.Current.CancellationToken);
                }

                break;
        }

        // Polling compares modification times; make sure the save is visible even on coarse clocks.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(1));
    }
}
