using System.Diagnostics;

namespace Inkwell.Cli.Tests.Run;

/// <summary><c>inkwell run</c> on real SDK projects (restored against the machine's package source), as a separate
/// process: the unmodified <c>dotnet new console</c> template, a top-level program using a package, project edits
/// that fail to restore, and choosing among several projects.</summary>
[Trait("Category", "Slow")]
public sealed class RunProjectEndToEndTests : IDisposable
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(120);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "inkwell-run-project-tests", Guid.NewGuid().ToString("N"));

    public RunProjectEndToEndTests() => Directory.CreateDirectory(_root);

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
    public async Task Run_TheConsoleTemplateUnmodified_ThenAnEdit()
    {
        string app = Path.Combine(_root, "hello");
        await DotnetNewAsync("console", app);
        Assert.Equal("Console.WriteLine(\"Hello, World!\");", File.ReadAllText(Path.Combine(app, "Program.cs")).Trim().TrimStart('\uFEFF'));

        await using var run = InkwellTool.Start(["run", app]);
        await run.ReadOutputLineAsync(l => l == "Hello, World!", s_patience, TestContext.Current.CancellationToken);
        await run.ReadErrorLineAsync(l => l.Contains("entry returned 0", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);

        File.WriteAllText(Path.Combine(app, "Program.cs"), "Console.WriteLine(\"Hello again\");\n");
        await run.ReadErrorLineAsync(l => l.StartsWith("[inkwell] reloaded Program.cs in ", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
        await run.ReadOutputLineAsync(l => l == "Hello again", s_patience, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Run_TheWebTemplateUnmodified_ServesTheEditedCode_OnTheSamePort()
    {
        string app = Path.Combine(_root, "web");
        await DotnetNewAsync("web", app);
        string url = $"http://127.0.0.1:{FreePort()}";
        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

        // ASPNETCORE_URLS wins over the launch profile's random port, as with `dotnet run`; the profile's
        // environment (Development) still applies.
        await using var run = InkwellTool.Start(["run", app], new Dictionary<string, string> { ["ASPNETCORE_URLS"] = url });
        Assert.Equal("Hello World!", await GetWhenUpAsync(client, "Hello World!"));
        await run.ReadOutputLineAsync(l => l.Contains("Hosting environment: Development", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);

        string program = Path.Combine(app, "Program.cs");
        File.WriteAllText(program, File.ReadAllText(program).Replace("Hello World!", "Hello edit!", StringComparison.Ordinal));
        Assert.Equal("Hello edit!", await GetWhenUpAsync(client, "Hello edit!"));
        // With it the public partial Program that ASP.NET Core's source generator declares (one unit with Program.cs).
        await run.ReadErrorLineAsync(l => l.StartsWith("[inkwell] reloaded Program.cs (+1 generated) in ", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
        Assert.Equal(0, await run.InterruptAsync(s_patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Run_TheWorkerTemplateUnmodified_RestartsItsHostOnTheEditedWorker()
    {
        string app = Path.Combine(_root, "worker");
        await DotnetNewAsync("worker", app);

        await using var run = InkwellTool.Start(["run", app]);
        await run.ReadOutputLineAsync(l => l.Contains("Worker running at:", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);

        string worker = Path.Combine(app, "Worker.cs");
        File.WriteAllText(worker, File.ReadAllText(worker).Replace("Worker running at:", "Edited worker at:", StringComparison.Ordinal));
        await run.ReadErrorLineAsync(l => l.StartsWith("[inkwell] reloaded Worker.cs -> Program.cs in ", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
        await run.ReadOutputLineAsync(l => l.Contains("Edited worker at:", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
        Assert.Equal(0, await run.InterruptAsync(s_patience, TestContext.Current.CancellationToken));
        Assert.DoesNotContain(run.ErrorLines, l => l.Contains("did not return", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_AProjectWithAPackage_KeepsStateAcrossEdits_AndKeepsRunningWhenARestoreFails()
    {
        string project = Write("app/App.csproj", Project("""<PackageReference Include="Newtonsoft.Json" Version="13.0.3" />"""));
        Write("app/Program.cs", "Console.WriteLine($\"run {Counter.Next()} {Newtonsoft.Json.JsonConvert.SerializeObject(new { Shape = \"square\" })}\");\n");
        Write("app/Counter.cs", "using Inkwell.Reload;\npublic static class Counter { [Preserve] public static int Runs; public static int Next() => ++Runs; }\n");

        await using var run = InkwellTool.Start(["run", project]);
        await run.ReadOutputLineAsync(l => l == """run 1 {"Shape":"square"}""", s_patience, TestContext.Current.CancellationToken);

        Write("app/Program.cs", "Console.WriteLine($\"run {Counter.Next()} {Newtonsoft.Json.JsonConvert.SerializeObject(new { Shape = \"circle\" })}\");\n");
        await run.ReadOutputLineAsync(l => l == """run 2 {"Shape":"circle"}""", s_patience, TestContext.Current.CancellationToken);

        Write("app/App.csproj", Project("""<PackageReference Include="Inkwell.Tests.NoSuchPackage" Version="1.0.0" />"""));
        string error = await run.ReadErrorLineAsync(l => l.Contains("error NU1101", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);
        Assert.StartsWith($"{project}(0,0): error NU1101: Unable to find package Inkwell.Tests.NoSuchPackage", error, StringComparison.Ordinal);
        await run.ReadErrorLineAsync(l => l.Contains("previous version keeps running", StringComparison.Ordinal), s_patience, TestContext.Current.CancellationToken);

        // Fixed again (the running version already matches it), then an edit: state kept all along.
        Write("app/App.csproj", Project("""<PackageReference Include="Newtonsoft.Json" Version="13.0.3" />"""));
        Write("app/Program.cs", "Console.WriteLine($\"run {Counter.Next()} {Newtonsoft.Json.JsonConvert.SerializeObject(new { Shape = \"circle\" })}\");\n// again\n");
        await run.ReadOutputLineAsync(l => l == """run 3 {"Shape":"circle"}""", s_patience, TestContext.Current.CancellationToken);
        Assert.Equal(0, await run.InterruptAsync(s_patience, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Run_AFolderWithSeveralProjects_AsksForOne_ThenRunsTheOneNamed()
    {
        Write("One.csproj", Project(string.Empty, "<Compile Remove=\"Two.cs\" />"));
        Write("Two.csproj", Project(string.Empty, "<Compile Remove=\"One.cs\" />"));
        Write("One.cs", "Console.WriteLine(\"one ran\");");
        Write("Two.cs", "Console.WriteLine(\"two ran\");");

        await using (var ambiguous = InkwellTool.Start(["run", _root]))
        {
            Assert.Equal(1, await ambiguous.WaitForExitAsync(s_patience, TestContext.Current.CancellationToken));
            Assert.Contains(ambiguous.ErrorLines, l => l.Contains("holds several projects (One.csproj, Two.csproj); choose one with --project", StringComparison.Ordinal));
        }

        await using var named = InkwellTool.Start(["run", _root, "--project", "Two.csproj"]);
        await named.ReadOutputLineAsync(l => l == "two ran", s_patience, TestContext.Current.CancellationToken);
    }

    /// <summary>GETs / until it answers <paramref name="expected"/> (the host is starting or restarting meanwhile).</summary>
    private static async Task<string> GetWhenUpAsync(HttpClient client, string expected)
    {
        var deadline = Stopwatch.StartNew();
        string last = string.Empty;
        while (deadline.Elapsed < s_patience)
        {
            try
            {
                last = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
                if (last == expected)
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        return last;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Project(string packages, string items = "") => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>
          <ItemGroup>
            {packages}
            {items}
          </ItemGroup>
        </Project>
        """;

    private string Write(string name, string text)
    {
        string path = Path.Combine(_root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static async Task DotnetNewAsync(string template, string output)
    {
        ProcessResult result = await ProcessRun.RunAsync(
            "dotnet", ["new", template, "-o", output, "--no-restore"], timeout: TimeSpan.FromMinutes(5), cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.ExitCode == 0, $"dotnet new {template} failed:\n{result.Output}\n{result.Error}");
    }
}
