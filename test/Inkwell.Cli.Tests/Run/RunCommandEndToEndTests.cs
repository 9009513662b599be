namespace Inkwell.Cli.Tests.Run;

/// <summary>Runs the built <c>inkwell</c> as a separate process over a temporary folder, edits files while it runs,
/// and reads what it prints.</summary>
public sealed class RunCommandEndToEndTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(90);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "inkwell-run-tests", Guid.NewGuid().ToString("N"));

    public RunCommandEndToEndTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Run_ReloadsEdits_KeepsState_ReportsErrors_AndStopsOnCtrlC()
    {
        Write("Program.cs", """
            public static class Program
            {
                public static async Task RunAsync(CancellationToken token)
                {
                    while (!token.IsCancellationRequested)
                    {
                        World.Tick();
                        Console.WriteLine($"tick {World.Ticks} {Rules.Label()}");
                        await Task.Delay(50, token);
                    }
                }
            }
            """);
        Write("World.cs", "using Inkwell.Reload;\npublic static class World { [Preserve] public static int Ticks; public static void Tick() => Ticks++; }");
        Write("Rules.cs", "public static class Rules { public static string Label() => \"first\"; }");
        await using var run = InkwellTool.Start(["run", _root, "--verbose"]);

        string firstLine = await run.ReadOutputLineAsync(l => l.EndsWith(" first", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
        Write("Rules.cs", "public static class Rules { public static string Label() => \"second\"; }");
        string reloadLine = await run.ReadErrorLineAsync(l => l.StartsWith("[inkwell] reloaded ", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
        string secondLine = await run.ReadOutputLineAsync(l => l.EndsWith(" second", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);

        Assert.Matches(@"^\[inkwell\] reloaded Rules\.cs -> Program\.cs in \d+ ms$", reloadLine);
        int TickOf(string line) => int.Parse(line.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(TickOf(secondLine) > TickOf(firstLine), $"state was lost: '{firstLine}' then '{secondLine}'");

        Write("Rules.cs", "public static class Rules {\n  public static string Label() => second;\n}");
        string error = await run.ReadErrorLineAsync(l => l.Contains("error CS", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
        Assert.Equal($"{Path.Combine(_root, "Rules.cs")}(2,35): error CS0103: The name 'second' does not exist in the current context", error);
        await run.ReadErrorLineAsync(l => l.Contains("previous version keeps running", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
        await run.ReadOutputLineAsync(l => l.EndsWith(" second", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);

        int exitCode = await run.InterruptAsync(s_patience, TestContext.Current.CancellationToken);
        Assert.Equal(0, exitCode);
        await run.ReadErrorLineAsync(l => l == "[inkwell] stopped", s_patience, TestContext.Current.CancellationToken);
        Assert.DoesNotContain(run.ErrorLines, l => l.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_SecondCtrlC_WhileTheProgramIsStillStopping_EndsTheProcessAtOnce()
    {
        Write("Program.cs", """
            public static class Program
            {
                public static async Task RunAsync(CancellationToken token)
                {
                    Console.WriteLine("running");
                    try
                    {
                        await Task.Delay(Timeout.Infinite, token);
                    }
                    catch (OperationCanceledException)
                    {
                        Console.WriteLine("stopping slowly");
                        await Task.Delay(Timeout.Infinite);
                    }
                }
            }
            """);
        await using var run = InkwellTool.Start(["run", _root]);
        await run.ReadOutputLineAsync(l => l == "running", s_patience, TestContext.Current.CancellationToken);

        await run.SignalAsync("INT");
        await run.ReadOutputLineAsync(l => l == "stopping slowly", s_patience, TestContext.Current.CancellationToken); // the first Ctrl-C reached the program, which keeps running
        int exitStatus = await run.InterruptAsync(s_patience, TestContext.Current.CancellationToken);

        // Killed by the second SIGINT (128 + 2), not the clean 0 that run gives once its 5 s wait for the program ends.
        Assert.Equal(130, exitStatus);
    }

    [Fact]
    public async Task Run_WithSeveralEntryPoints_AsksForEntry_ThenRunsTheNamedOne()
    {
        Write("One.cs", "public static class One { public static void Main() => Console.WriteLine(\"one ran\"); }");
        Write("Two.cs", "public static class Two { public static int Main(string[] args) { Console.WriteLine(\"two ran\"); return 3; } }");

        await using (var ambiguous = InkwellTool.Start(["run", _root, "--poll=100"]))
        {
            string line = await ambiguous.ReadErrorLineAsync(l => l.Contains("Several entry points", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
            Assert.Contains("One.Main", line, StringComparison.Ordinal);
            Assert.Contains("Two.Main", line, StringComparison.Ordinal);
        }

        await using var named = InkwellTool.Start(["run", _root, "--entry", "Two", "--poll"]);
        await named.ReadOutputLineAsync(l => l == "two ran", s_patience, TestContext.Current.CancellationToken);
        await named.ReadErrorLineAsync(l => l.Contains("entry returned 3", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Run_MissingDirectory_FailsWithAMessage()
    {
        await using var run = InkwellTool.Start(["run", Path.Combine(_root, "absent")]);
        int exitCode = await run.WaitForExitAsync(s_patience, TestContext.Current.CancellationToken);

        Assert.Equal(1, exitCode);
        Assert.Contains(run.ErrorLines, l => l.Contains("no such directory", StringComparison.Ordinal));
    }

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_root, name), text);
}
