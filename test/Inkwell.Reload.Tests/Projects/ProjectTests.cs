using System.Reflection;

namespace Inkwell.Reload.Tests.Projects;

/// <summary>Real SDK projects, restored and evaluated by the SDK (<c>dotnet msbuild -restore</c>): each test spends a
/// few seconds in restores, hence the trait; CI runs them.</summary>
[Trait("Category", "Slow")]
public sealed class ProjectTests : IDisposable
{
    private readonly ProjectFolder _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void Project_WithAPackage_CompilesItsModulesAgainstIt_AndLoadsItAtRunTime()
    {
        _project.WriteProject(ProjectFolder.NewtonsoftJson)
            .Write("Program.cs", "Console.WriteLine(Shapes.Describe());")
            .Write("Shapes.cs", """
                using Newtonsoft.Json;
                public static class Shapes
                {
                    public static string Describe() => JsonConvert.SerializeObject(new { Sides = 3 });
                }
                """);
        ReloadHost host = _project.Start();

        Assert.Equal("""{"Sides":3}""", _project.Call("Shapes", "Describe"));
        Assert.Equal(_project.ProjectFile, host.ProjectFile);
        Assert.Equal(2, host.Graph.Modules.Count); // the generated global usings are not a module
        Assert.Contains(_project.PathOf("Shapes.cs"), host.Graph.GetDependencies("Program.cs"));
    }

    [Fact]
    public void Project_EditedModule_Reloads_WithStateKept()
    {
        _project.WriteProject(ProjectFolder.NewtonsoftJson)
            .Write("Program.cs", "Counter.Count++;")
            .Write("Counter.cs", "using Inkwell.Reload;\npublic static class Counter { [Preserve] public static int Count; public static string Show() => $\"one {Count}\"; }");
        _project.Start();
        Assert.Equal("one 0", _project.Call("Counter", "Show"));
        _project.Host.FindType("Counter")!.GetField("Count")!.SetValue(null, 41);

        _project.Write("Counter.cs", "using Inkwell.Reload;\npublic static class Counter { [Preserve] public static int Count; public static string Show() => $\"two {Count + 1}\"; }");
        ReloadResult result = _project.Reload();

        Assert.Equal("two 42", _project.Call("Counter", "Show"));
        Assert.Equal([_project.PathOf("Counter.cs"), _project.PathOf("Program.cs")], result.Reloaded);
    }

    [Fact]
    public void ProjectFileEdit_AddingAPackage_ReResolvesAndReloadsEverything_WithStateKept()
    {
        _project.WriteProject()
            .Write("Program.cs", "Console.WriteLine(Tool.Name());")
            .Write("Tool.cs", "using Inkwell.Reload;\npublic static class Tool { [Preserve] public static int Runs = 5; public static string Name() => \"plain\"; }");
        _project.Start();
        _project.Host.FindType("Tool")!.GetField("Runs")!.SetValue(null, 7);

        // CommandLineParser is restored by the repository's benchmarks, so it is in the package cache too.
        _project.WriteProject("""<PackageReference Include="CommandLineParser" Version="2.9.1" />""")
            .Write("Tool.cs", "using Inkwell.Reload;\npublic static class Tool { [Preserve] public static int Runs; public static string Name() => typeof(CommandLine.Parser).Name + Runs; }");
        ReloadResult result = _project.Reload();

        Assert.Equal("Parser7", _project.Call("Tool", "Name"));
        Assert.Contains(_project.PathOf("Program.cs"), result.Reloaded); // unchanged, but compiled against the new references
    }

    [Fact]
    public void FailedRestore_KeepsTheRunningVersion_ReportsTheError_AndRecovers()
    {
        _project.WriteProject()
            .Write("Program.cs", "Console.WriteLine(Tool.Name());")
            .Write("Tool.cs", "public static class Tool { public static string Name() => \"first\"; }");
        _project.Start();

        _project.WriteProject("""<PackageReference Include="Inkwell.Tests.NoSuchPackage" Version="1.0.0" />""")
            .Write("Tool.cs", "public static class Tool { public static string Name() => \"second\"; }");
        ReloadResult failed = _project.Host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.ProjectFailed, failed.Status);
        ReloadDiagnostic error = Assert.Single(failed.Errors, d => d.Id == "NU1101");
        Assert.Equal(_project.ProjectFile, error.Path);
        Assert.Contains("Inkwell.Tests.NoSuchPackage", error.Message, StringComparison.Ordinal);
        Assert.Equal("first", _project.Call("Tool", "Name"));
        Assert.Equal(1, _project.Host.Generation);

        _project.WriteProject();
        _project.Reload();
        Assert.Equal("second", _project.Call("Tool", "Name"));
    }

    [Fact]
    public void ProjectFileWithAnXmlError_IsReportedWithItsLine_AndTheRunningVersionStays()
    {
        _project.WriteProject().Write("Program.cs", "Console.WriteLine(Tool.Name());").Write("Tool.cs", "public static class Tool { public static string Name() => \"first\"; }");
        _project.Start();

        _project.Write("App.csproj", "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup>\n    <OutputType>Exe</OutputType>\n</Project>\n");
        ReloadResult failed = _project.Host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.ProjectFailed, failed.Status);
        ReloadDiagnostic error = Assert.Single(failed.Errors);
        Assert.Equal("MSB4025", error.Id);
        Assert.Equal(_project.ProjectFile, error.Path);
        Assert.Equal(4, error.Line);
        Assert.Equal("first", _project.Call("Tool", "Name"));
        Assert.Contains("error MSB4025", failed.Errors.Single().ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoFilesWithTopLevelStatements_FailWithALocation_AndTheRunningVersionStays()
    {
        _project.WriteProject().Write("Program.cs", "Console.WriteLine(1);");
        _project.Start();

        _project.Write("Second.cs", "// another program\nConsole.WriteLine(2);");
        ReloadResult failed = _project.Host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.CompileFailed, failed.Status);
        ReloadDiagnostic error = Assert.Single(failed.Errors);
        Assert.Equal(("CS8802", _project.PathOf("Second.cs"), 2, 1), (error.Id, error.Path, error.Line, error.Column));
        Assert.Equal(1, _project.Host.Generation);
    }

    [Fact]
    public void ASecondMain_FailsWithCS0017AtIt_AndTheRunningVersionStays()
    {
        _project.WriteProject().Write("Program.cs", "Console.WriteLine(Tool.Name());").Write("Tool.cs", "public static class Tool { public static string Name() => \"first\"; }");
        _project.Start();

        _project.Write("Tool.cs", "public static class Tool\n{\n    public static string Name() => \"second\";\n    static void Main() { }\n}");
        ReloadResult failed = _project.Host.Reload(TestContext.Current.CancellationToken);

        Assert.Equal(ReloadStatus.CompileFailed, failed.Status);
        ReloadDiagnostic error = Assert.Single(failed.Errors);
        Assert.Equal(("CS0017", _project.PathOf("Tool.cs"), 4, 17), (error.Id, error.Path, error.Line, error.Column));
        Assert.Contains("top-level statements in Program.cs, Tool.Main in Tool.cs", error.Message, StringComparison.Ordinal);
        Assert.Equal("first", _project.Call("Tool", "Name"));
    }

    [Fact]
    public void SourceGeneratorsOfTheFramework_RunOnEachModule()
    {
        _project.WriteProject()
            .Write("Program.cs", "Console.WriteLine(Data.Json());")
            .Write("Data.cs", """
                using System.Text.Json.Serialization;
                using System.Text.RegularExpressions;
                public sealed record Point(int X, int Y);
                [JsonSerializable(typeof(Point))]
                public partial class PointContext : JsonSerializerContext { }
                public static partial class Data
                {
                    [GeneratedRegex("[0-9]+")]
                    private static partial Regex Digits();
                    public static string Json() => System.Text.Json.JsonSerializer.Serialize(new Point(1, 2), PointContext.Default.Point) + Digits().Matches("a1b22").Count;
                }
                """);
        _project.Start();

        Assert.Equal("""{"X":1,"Y":2}2""", _project.Call("Data", "Json"));
    }

    [Fact]
    public void ProjectProperties_DefineConstantsAllowUnsafeBlocksAndCompileRemove_AreWhatTheCompilerGets()
    {
        _project.WriteProject(
                items: """<Compile Remove="Excluded.cs" />""",
                properties: "<DefineConstants>$(DefineConstants);INKWELL_FAST</DefineConstants><AllowUnsafeBlocks>true</AllowUnsafeBlocks>")
            .Write("Program.cs", "Console.WriteLine(Probe.Read());")
            .Write("Excluded.cs", "this file is not C# and is not compiled")
            .Write("Probe.cs", """
                public static class Probe
                {
                    public static unsafe string Read()
                    {
                        int value = 3;
                        int* pointer = &value;
                #if INKWELL_FAST && DEBUG
                        return "fast " + *pointer;
                #else
                        return "slow";
                #endif
                    }
                }
                """);
        ReloadHost host = _project.Start();

        Assert.Equal("fast 3", _project.Call("Probe", "Read"));
        Assert.DoesNotContain(_project.PathOf("Excluded.cs"), host.Graph.Modules);
    }

    [Fact]
    public void NewSourceFile_IsFoundByTheSdksGlobs()
    {
        _project.WriteProject().Write("Program.cs", "Console.WriteLine(1);");
        _project.Start();

        _project.Write("Extra/Added.cs", "public static class Added { public static int Value() => 9; }");
        ReloadResult result = _project.Reload();

        Assert.Equal([_project.PathOf("Extra/Added.cs")], result.Reloaded);
        Assert.Equal(9, _project.Call("Added", "Value"));
    }

    [Fact]
    public void PreserveAttributeDeclaredByTheProject_IsHonouredByName_AndTheProjectBuildsWithoutInkwell()
    {
        _project.WriteProject()
            .Write("Program.cs", "Console.WriteLine(Store.Show());")
            .Write("PreserveAttribute.cs", "namespace App;\n[AttributeUsage(AttributeTargets.Field)]\npublic sealed class PreserveAttribute : Attribute { }")
            .Write("Store.cs", "using App;\npublic static class Store { [Preserve] public static List<string> Items = []; public static string Show() => \"v1 \" + Items.Count; }");

        // The same project builds with plain `dotnet build`: nothing in it needs Inkwell.
        (int exitCode, string output) = Dotnet("build", _project.ProjectFile, "-nologo", "-v:q");
        Assert.True(exitCode == 0, output);

        _project.Start();
        ((List<string>)_project.Host.FindType("Store")!.GetField("Items")!.GetValue(null)!).AddRange(["a", "b"]);
        _project.Write("Store.cs", "using App;\npublic static class Store { [Preserve] public static List<string> Items = []; public static string Show() => \"v2 \" + Items.Count; }");
        _project.Reload();

        Assert.Equal("v2 2", _project.Call("Store", "Show"));
    }

    [Fact]
    public void ProjectReferencingInkwellReload_GetsTheHostsCopy_SoHooksRun()
    {
        // What a PackageReference to Inkwell.Reload gives the compiler: its assembly among the references.
        string inkwell = typeof(ReloadHost).Assembly.Location;
        _project.WriteProject($"""<Reference Include="Inkwell.Reload"><HintPath>{inkwell}</HintPath></Reference>""")
            .Write("Program.cs", "Console.WriteLine(Score.Points);")
            .Write("Score.cs", """
                using Inkwell.Reload;
                public static class Score
                {
                    public static int Points = 1;
                    static void OnReload(ReloadContext context) { if (context.TryGetPrevious("Points", out int p)) Points = p * 10; }
                }
                """);
        _project.Start();
        _project.Host.FindType("Score")!.GetField("Points")!.SetValue(null, 4);

        _project.Write("Score.cs", _project.Read("Score.cs") + "\n// edited");
        _project.Reload();

        Assert.Equal(40, _project.Host.FindType("Score")!.GetField("Points")!.GetValue(null));
    }

    [Fact]
    public void ProjectReference_IsBuiltOnce_AndUsedAsAFixedAssembly()
    {
        _project.Write("Lib/Lib.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
            </Project>
            """)
            .Write("Lib/Greeting.cs", "namespace Lib; public static class Greeting { public static string Hello(string name) => $\"hello {name}\"; }")
            .Write("App/App.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
                  <ItemGroup><ProjectReference Include="../Lib/Lib.csproj" /></ItemGroup>
                </Project>
                """)
            .Write("App/Program.cs", "Console.WriteLine(Caller.Call());")
            .Write("App/Caller.cs", "public static class Caller { public static string Call() => Lib.Greeting.Hello(\"app\"); }");
        using var host = new ReloadHost(new ReloadHostOptions { ProjectFile = _project.PathOf("App/App.csproj"), Watch = WatchMode.None, WarmUp = false });
        ReloadResult result = host.Start(TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics));
        Assert.Equal("hello app", host.FindType("Caller")!.GetMethod("Call")!.Invoke(null, null));
        Assert.Equal(2, host.Graph.Modules.Count); // Lib's files are not modules
        Assembly lib = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == "Lib");
        Assert.Equal(_project.PathOf("Lib/bin/Debug/net10.0/Lib.dll"), lib.Location);
    }

    private static (int ExitCode, string Output) Dotnet(params string[] arguments)
    {
        ProcessResult result = ProcessRun.Run("dotnet", arguments);
        return (result.ExitCode, result.Output + result.Error);
    }
}
