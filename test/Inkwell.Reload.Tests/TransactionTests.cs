using System.Text.RegularExpressions;

namespace Inkwell.Reload.Tests;

public sealed class TransactionTests
{
    [Fact]
    public void CompileError_ChangesNothing_AndReportsLocatedErrors()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 1; }");
        ReloadHost host = folder.Start();
        System.Reflection.Assembly before = host.GetAssembly("B.cs");

        folder.Write("B.cs", "public static class B {\n  public static int Value() => A.Valu() + 1;\n}");
        ReloadResult result = host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.CompileFailed, result.Status);
        Assert.Empty(result.Reloaded);
        ReloadDiagnostic error = Assert.Single(result.Errors);
        Assert.Equal(ReloadDiagnosticSeverity.Error, error.Severity);
        Assert.Equal(folder.PathOf("B.cs"), error.Path);
        Assert.Equal(2, error.Line);
        Assert.Matches(new Regex(@"^.+B\.cs\(2,\d+\): error CS0117: 'A' does not contain a definition for 'Valu'$"), error.ToString());
        Assert.Same(before, host.GetAssembly("B.cs"));
        Assert.Equal(1, host.Generation);
        Assert.Equal(2, folder.Call("B", "Value"));

        folder.Write("B.cs", "public static class B { public static int Value() => A.Value() + 2; }");
        Assert.Equal(ReloadStatus.Succeeded, folder.Reload().Status);
        Assert.Equal(3, folder.Call("B", "Value"));
    }

    [Fact]
    public void CompileWarning_IsReportedAsAWarning_AndTheReloadSucceeds()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }");
        ReloadHost host = folder.Start();

        folder.Write("A.cs", "public static class A { public static int Value() { int unused = 7; return 2; } }");
        ReloadResult result = host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.Succeeded, result.Status);
        ReloadDiagnostic warning = Assert.Single(result.Diagnostics, d => d.Id == "CS0219");
        Assert.Equal(ReloadDiagnosticSeverity.Warning, warning.Severity);
        Assert.False(warning.IsError);
        Assert.Empty(result.Errors);
        Assert.Contains(": warning CS0219: ", warning.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, folder.Call("A", "Value"));
    }

    [Fact]
    public void DependencyBreakingADependent_FailsWholeTransaction()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; public static int Other() => 5; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Other(); }");
        ReloadHost host = folder.Start();
        System.Reflection.Assembly oldA = host.GetAssembly("A.cs");

        // A compiles on its own, but B no longer does: A must not be half-applied.
        folder.Write("A.cs", "public static class A { public static int Value() => 2; }");
        ReloadResult result = host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.CompileFailed, result.Status);
        Assert.Contains(result.Errors, e => e.Path == folder.PathOf("B.cs") && e.Id == "CS0117");
        Assert.Same(oldA, host.GetAssembly("A.cs"));
        Assert.Equal(1, folder.Call("A", "Value"));
    }

    [Fact]
    public void ThrowingHook_RollsBack_ToTheOldVersions()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { [Inkwell.Reload.Preserve] public static int Count = 1; public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() * 10; }");
        ReloadHost host = folder.Start();
        folder.Call("A", "Value");
        var stateBefore = (int)folder.Get("A", "Count")!;

        folder.Write("A.cs", """
            public static class A
            {
                [Inkwell.Reload.Preserve] public static int Count = 1;
                public static int Value() => 2;
                static void OnReload(Inkwell.Reload.ReloadContext context) => throw new InvalidOperationException("migration failed");
            }
            """);
        ReloadResult result = host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.HookFailed, result.Status);
        Assert.Contains("migration failed", result.Failure, StringComparison.Ordinal);
        Assert.Contains("A.OnReload", result.Failure, StringComparison.Ordinal);
        Assert.Empty(result.Reloaded);
        Assert.Equal(10, folder.Call("B", "Value"));
        Assert.Equal(1, host.GetVersion("A.cs"));
        Assert.Equal(stateBefore, folder.Get("A", "Count"));
        Assert.Empty(host.VerifyUnloaded());
    }

    [Fact]
    public void StaticConstructorThatNeverReturns_RollsTheReloadBack_AndTheHostGoesOn()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { [Inkwell.Reload.Preserve] public static int Count = 3; public static int Value() => 1; }");
        ReloadHost host = folder.Start(o => new ReloadHostOptions { RootDirectory = o.RootDirectory, Watch = WatchMode.None, WarmUp = false, StaticConstructorTimeout = TimeSpan.FromMilliseconds(500) });

        // Sleeps rather than spins: the stuck thread stays for the life of the test process.
        folder.Write("A.cs", """
            public static class A
            {
                [Inkwell.Reload.Preserve] public static int Count;
                static A() { System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite); }
                public static int Value() => 2;
            }
            """);
        ReloadResult stuck = host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.HookFailed, stuck.Status);
        Assert.Contains("The static constructor of A did not return within 0.5 s", stuck.Failure, StringComparison.Ordinal);
        Assert.Equal(1, folder.Call("A", "Value"));

        folder.Write("A.cs", "public static class A { [Inkwell.Reload.Preserve] public static int Count; public static int Value() => 3 + Count; }");
        folder.Reload();
        Assert.Equal(6, folder.Call("A", "Value"));
    }

    [Fact]
    public void NewFile_BecomesAModule()
    {
        using var folder = new ModuleFolder().Write("A.cs", "static class A { internal static int Value() => 1; }");
        ReloadHost host = folder.Start();

        folder.Write("sub/B.cs", "public static class B { public static int Value() => A.Value() + 1; }");
        ReloadResult result = folder.Reload();

        // A is recompiled too: it must name the new module as a friend for B to see its internals.
        Assert.Contains(folder.PathOf("sub/B.cs"), result.Reloaded);
        Assert.Equal(2, folder.Call("B", "Value"));
        Assert.Equal([folder.PathOf("A.cs")], host.Graph.GetDependencies("sub/B.cs"));
    }

    [Fact]
    public void DeletedFile_IsUnloaded()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }")
            .Write("Gone.cs", "public static class Gone { public static int Value() => 2; }");
        ReloadHost host = folder.Start();

        folder.Delete("Gone.cs");
        ReloadResult result = folder.Reload();

        Assert.Equal([folder.PathOf("Gone.cs")], result.Removed);
        Assert.Null(host.FindType("Gone"));
        Assert.False(host.Graph.Contains("Gone.cs"));
        Assert.Empty(host.VerifyUnloaded());
    }

    [Fact]
    public void DeletedFile_StillUsed_FailsCleanly_UntilTheUseIsGone()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 1; }");
        ReloadHost host = folder.Start();

        folder.Delete("A.cs");
        ReloadResult failed = host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.CompileFailed, failed.Status);
        Assert.Contains(failed.Errors, e => e.Path == folder.PathOf("B.cs") && e.Id == "CS0103");
        Assert.NotNull(host.FindType("A"));
        Assert.Equal(2, folder.Call("B", "Value"));

        folder.Write("B.cs", "public static class B { public static int Value() => 7; }");
        ReloadResult fixedResult = folder.Reload();

        Assert.Equal([folder.PathOf("A.cs")], fixedResult.Removed);
        Assert.Null(host.FindType("A"));
        Assert.Equal(7, folder.Call("B", "Value"));
    }

    [Fact]
    public void UnchangedContent_IsNotAReload()
    {
        using var folder = new ModuleFolder().Write("A.cs", "public static class A { }");
        ReloadHost host = folder.Start();
        int events = 0;
        host.Reloaded += (_, _) => events++;

        folder.Write("A.cs", "public static class A { }");
        ReloadResult result = host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.NoChanges, result.Status);
        Assert.Equal(0, events);
        Assert.Equal(1, host.Generation);
    }

    [Fact]
    public void Reloaded_EventDescribesTheTransaction()
    {
        using var folder = new ModuleFolder().Write("A.cs", "public static class A { }");
        ReloadHost host = folder.Start();
        var results = new List<ReloadResult>();
        host.Reloaded += (_, e) => results.Add(e.Result);

        folder.Write("A.cs", "public static class A { public static int X; }");
        host.Reload(TestContext.Current.CancellationToken);

        ReloadResult result = Assert.Single(results);
        Assert.Equal(2, result.Generation);
        Assert.True(result.Duration > TimeSpan.Zero);
        Assert.StartsWith("reloaded A.cs in ", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FirstLoadFailure_LoadsNothing_AndTheFixLoads()
    {
        using var folder = new ModuleFolder().Write("A.cs", "public static class A { int }");
        ReloadHost host = folder.Start(expectSuccess: false);

        Assert.Equal(0, host.Generation);
        Assert.Null(host.FindType("A"));

        folder.Write("A.cs", "public static class A { public static int Value() => 4; }");
        folder.Reload();
        Assert.Equal(4, folder.Call("A", "Value"));
    }
}
