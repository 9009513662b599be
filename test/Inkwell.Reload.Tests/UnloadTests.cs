using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Inkwell.Reload.Tests;

public sealed class UnloadTests
{
    [Fact]
    public void FiveHundredReloads_OfAGraphOfContexts_CollectEveryOldVersion_AndMemoryStaysFlat()
    {
        using var folder = new ModuleFolder()
            .Write("Counter.cs", Counter(0))
            .Write("Reader.cs", "public static class Reader { public static int Read() => Counter.Step() + Counter.Total; }")
            .Write("Other.cs", "public static class Other { public static int Value() => 1; }");
        ReloadHost host = folder.Start();
        System.Reflection.Assembly other = host.GetAssembly("Other.cs");
        long memoryAt100 = 0;

        for (int i = 1; i <= 500; i++)
        {
            folder.Write("Counter.cs", Counter(i));
            ReloadResult result = host.Reload(TestContext.Current.CancellationToken);
            Assert.Equal(2, result.Reloaded.Count);

            // Total counts calls across versions (preserved); Step is the version's own constant.
            Assert.Equal(i + i, folder.Call("Reader", "Read"));
            if (i % 100 == 0)
            {
                Assert.Empty(host.VerifyUnloaded());
                if (i == 100)
                {
                    memoryAt100 = GC.GetTotalMemory(forceFullCollection: true);
                }
            }
        }

        Assert.Empty(host.VerifyUnloaded());
        Assert.Equal(0, host.PendingUnloads);
        Assert.Same(other, host.GetAssembly("Other.cs"));
        long growth = GC.GetTotalMemory(forceFullCollection: true) - memoryAt100;
        Assert.True(growth < 16 * 1024 * 1024, $"managed memory grew by {growth / 1024} KiB over 400 reloads");
    }

    private static string Counter(int step) =>
        $"public static class Counter {{ [Inkwell.Reload.Preserve] public static int Total; public static int Step() {{ Total++; return {step}; }} }}";

    [Fact]
    public void ModuleHeldByASharedStaticEvent_IsReportedAsStillAlive()
    {
        SharedEvents.Clear();
        using var folder = new ModuleFolder().Write("Leaky.cs", """
            public static class Leaky
            {
                public static void Subscribe() => Inkwell.Reload.Tests.SharedEvents.Ticked += Tick;
                static void Tick() { }
            }
            """);
        ReloadHost host = folder.Start();
        folder.Call("Leaky", "Subscribe");

        folder.Write("Leaky.cs", "public static class Leaky { }");
        folder.Reload();
        IReadOnlyList<LeakedVersion> leaks = host.VerifyUnloaded(attempts: 3);

        LeakedVersion leak = Assert.Single(leaks);
        Assert.Equal(1, leak.Version);
        Assert.Equal([folder.PathOf("Leaky.cs")], leak.Modules);
        Assert.Contains("static event", leak.ToString(), StringComparison.Ordinal);

        SharedEvents.Clear();
        Assert.Empty(host.VerifyUnloaded());
    }

    [Fact]
    public void VerifyUnloadAfter_LogsAVersionStillAlive_OnItsOwn()
    {
        SharedEvents.Clear();
        var time = new FakeTimeProvider();
        var log = new ListLoggerFactory();
        using var folder = new ModuleFolder().Write("Leaky.cs", """
            public static class Leaky
            {
                public static void Subscribe() => Inkwell.Reload.Tests.SharedEvents.Ticked += Tick;
                static void Tick() { }
            }
            """);
        folder.Start(o => new ReloadHostOptions
        {
            RootDirectory = o.RootDirectory,
            Watch = WatchMode.None,
            WarmUp = false,
            TimeProvider = time,
            LoggerFactory = log,
            VerifyUnloadAfter = TimeSpan.FromSeconds(2),
            SharedAssemblies = { typeof(SharedEvents).Assembly },
        });
        folder.Call("Leaky", "Subscribe");
        folder.Write("Leaky.cs", "public static class Leaky { }");
        folder.Reload();

        time.Advance(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(log.Entries, e => e.Id.Id == 300);
        time.Advance(TimeSpan.FromSeconds(1));

        (LogLevel level, _, string message) = Assert.Single(log.Entries, e => e.Id.Id == 300);
        Assert.Equal(LogLevel.Warning, level);
        Assert.Contains("Module.Leaky v1", message, StringComparison.Ordinal);
        SharedEvents.Clear();
    }
}
