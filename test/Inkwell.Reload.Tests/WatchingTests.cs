using System.Collections.Concurrent;
using Microsoft.Extensions.Time.Testing;

namespace Inkwell.Reload.Tests;

public sealed class WatchingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    // Long enough that an editor's multi-step save lands inside it even on a loaded machine.
    private static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(400);

    public enum SavePattern
    {
        WriteInPlace,
        WriteTempThenRename,
        DeleteThenCreate,
        BurstOfWrites,
    }

    [Theory]
    [InlineData(SavePattern.WriteInPlace, WatchMode.Events)]
    [InlineData(SavePattern.WriteTempThenRename, WatchMode.Events)]
    [InlineData(SavePattern.DeleteThenCreate, WatchMode.Events)]
    [InlineData(SavePattern.BurstOfWrites, WatchMode.Events)]
    [InlineData(SavePattern.WriteInPlace, WatchMode.Polling)]
    [InlineData(SavePattern.WriteTempThenRename, WatchMode.Polling)]
    [InlineData(SavePattern.DeleteThenCreate, WatchMode.Polling)]
    [InlineData(SavePattern.BurstOfWrites, WatchMode.Polling)]
    public async Task EditorSavePattern_GivesExactlyOneReload(SavePattern pattern, WatchMode mode)
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 0; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 1; }");
        var results = new BlockingCollection<ReloadResult>();
        ReloadHost host = folder.Start(o => Background(o, mode));
        host.Reloaded += (_, r) => results.Add(r);

        await SaveAsync(folder, "A.cs", "public static class A { public static int Value() => 41; }", pattern);

        Assert.True(results.TryTake(out ReloadResult? first, (int)Patience.TotalMilliseconds, TestContext.Current.CancellationToken), "no reload happened");
        Assert.Equal(ReloadStatus.Succeeded, first.Status);
        Assert.Equal([folder.PathOf("A.cs"), folder.PathOf("B.cs")], first.Reloaded);
        Assert.Equal(42, folder.Call("B", "Value"));

        // Nothing more may follow: wait well past the debounce and a polling round.
        Assert.False(results.TryTake(out ReloadResult? extra, 2000, TestContext.Current.CancellationToken), $"a second reload: {extra}");
        Assert.Equal(2, host.Generation);
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
        await Task.Delay(500, TestContext.Current.CancellationToken);
        Assert.False(host.HasPendingChanges);

        folder.Write("A.cs", "public static class A { public static int Value() => 2; }");
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!host.HasPendingChanges && waited.Elapsed < Patience)
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
        while (result is null && waited.Elapsed < Patience)
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
        host.Reloaded += (_, r) => results.Add(r);

        folder.Write("sub/New.cs", "public static class New { public static int Value() => 5; }");
        Assert.True(results.TryTake(out ReloadResult? added, (int)Patience.TotalMilliseconds, TestContext.Current.CancellationToken));
        Assert.Equal([folder.PathOf("sub/New.cs")], added.Reloaded);
        Assert.Equal(5, folder.Call("New", "Value"));

        folder.Delete("sub/New.cs");
        Assert.True(results.TryTake(out ReloadResult? removed, (int)Patience.TotalMilliseconds, TestContext.Current.CancellationToken));
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
            Debounce = Debounce,
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
            case SavePattern.WriteTempThenRename:
                string temp = path + ".tmp~";
                await File.WriteAllTextAsync(temp, text, TestContext.Current.CancellationToken);
                File.Move(temp, path, overwrite: true);
                break;
            case SavePattern.DeleteThenCreate:
                File.Delete(path);
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
