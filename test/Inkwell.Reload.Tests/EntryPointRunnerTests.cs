using Microsoft.Extensions.Logging;

namespace Inkwell.Reload.Tests;

public sealed class EntryPointRunnerTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RunAsyncEntry_IsCancelledAndRestartedOnTheNewVersion_WithStateKept()
    {
        using var folder = new ModuleFolder()
            .Write("Program.cs", """
                public static class Program
                {
                    public static async Task RunAsync(CancellationToken token)
                    {
                        Inkwell.Reload.Tests.EntryProbe.Started.Add($"{Label.Text} {Counter.Runs++}");
                        await Task.Delay(Timeout.Infinite, token);
                    }
                }
                """)
            .Write("Counter.cs", "public static class Counter { [Inkwell.Reload.Preserve] public static int Runs; }")
            .Write("Label.cs", "public static class Label { public const string Text = \"one\"; }");
        while (EntryProbe.Started.TryTake(out _))
        {
        }
        var log = new ListLoggerFactory();
        ReloadHost host = folder.Start(log: log);
        var runner = new EntryPointRunner(host);
        using var stop = new CancellationTokenSource();
        Task<int> running = runner.RunAsync(stop.Token);

        Assert.True(EntryProbe.Started.TryTake(out string? first, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken));
        Assert.Equal("one 0", first);

        folder.Write("Label.cs", "public static class Label { public const string Text = \"two\"; }");
        folder.Reload();

        Assert.True(EntryProbe.Started.TryTake(out string? second, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken));
        Assert.Equal("two 1", second);
        await log.WaitForAsync(e => e.Id.Id == 610 && e.Message == "restarting the entry point on the new version", s_patience, TestContext.Current.CancellationToken);

        await stop.CancelAsync();
        Assert.Equal(0, await running.WaitAsync(s_patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UnrelatedReload_DoesNotRestartTheEntry()
    {
        using var folder = new ModuleFolder()
            .Write("Program.cs", """
                public static class Program
                {
                    public static async Task RunAsync(CancellationToken token)
                    {
                        Inkwell.Reload.Tests.EntryProbe.Started.Add("started");
                        await Task.Delay(Timeout.Infinite, token);
                    }
                }
                """)
            .Write("Other.cs", "public static class Other { public static int X = 1; }");
        while (EntryProbe.Started.TryTake(out _))
        {
        }
        ReloadHost host = folder.Start();
        var runner = new EntryPointRunner(host);
        using var stop = new CancellationTokenSource();
        Task<int> running = runner.RunAsync(stop.Token);
        Assert.True(EntryProbe.Started.TryTake(out _, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken));

        folder.Write("Other.cs", "public static class Other { public static int X = 2; }");
        folder.Reload();

        Assert.False(EntryProbe.Started.TryTake(out _, 1000, TestContext.Current.CancellationToken));
        await stop.CancelAsync();
        await running.WaitAsync(s_patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FailingEntry_IsReported_AndTheRunnerWaitsForAFix()
    {
        using var folder = new ModuleFolder().Write("Program.cs", "public static class Program { public static void Main() => throw new InvalidOperationException(\"boom\"); }");
        var log = new ListLoggerFactory();
        ReloadHost host = folder.Start(log: log);
        var runner = new EntryPointRunner(host);
        using var stop = new CancellationTokenSource();
        Task<int> running = runner.RunAsync(stop.Token);

        (LogLevel level, _, string line) = await log.WaitForAsync(e => e.Id.Id == 612, s_patience, TestContext.Current.CancellationToken);
        Assert.Equal(LogLevel.Error, level);
        Assert.StartsWith("entry failed: System.InvalidOperationException: boom", line, StringComparison.Ordinal);
        Assert.Contains("Program.cs:line 1", line, StringComparison.Ordinal);
        await log.WaitForAsync(e => e.Id.Id == 613 && e.Message == "waiting for changes", s_patience, TestContext.Current.CancellationToken);
        await stop.CancelAsync();
        Assert.Equal(1, await running.WaitAsync(s_patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BusyEntry_IsStoppedBeforeItsStateIsCopied()
    {
        string item = "public sealed class Item { public int Serial; public int Extra/*N*/; }";
        using var folder = new ModuleFolder()
            .Write("Item.cs", item)
            .Write("Program.cs", """
                using Inkwell.Reload;
                public static class Program
                {
                    [Preserve] public static List<Item> Items = new();
                    [Preserve] public static int Count;
                    public static Task RunAsync(CancellationToken token)
                    {
                        Inkwell.Reload.Tests.EntryProbe.Started.Add("started");
                        while (!token.IsCancellationRequested)
                        {
                            Items.Add(new Item { Serial = ++Count });
                            if (Items.Count > 50) Items.RemoveAt(0);
                        }

                        return Task.CompletedTask;
                    }
                }
                """);
        while (EntryProbe.Started.TryTake(out _))
        {
        }

        ReloadHost host = folder.Start();
        var runner = new EntryPointRunner(host);
        using var stop = new CancellationTokenSource();
        Task<int> running = runner.RunAsync(stop.Token);
        int lastCount = 0;
        for (int i = 0; i < 10; i++)
        {
            Assert.True(EntryProbe.Started.TryTake(out _, (int)s_patience.TotalMilliseconds, TestContext.Current.CancellationToken));
            folder.Write("Item.cs", item.Replace("/*N*/", $"{i}", StringComparison.Ordinal));

            // Without stopping the entry first, copying Items while the loop changes it fails the reload.
            ReloadResult result = host.Reload(TestContext.Current.CancellationToken);
            Assert.Equal(ReloadStatus.Succeeded, result.Status);
            int count = (int)folder.Get("Program", "Count")!;
            Assert.True(count >= lastCount, $"count went back from {lastCount} to {count}");
            lastCount = count;
        }

        await stop.CancelAsync();
        await running.WaitAsync(s_patience, TestContext.Current.CancellationToken);
    }
}
