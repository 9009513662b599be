namespace Inkwell.Reload.Tests.Projects;

/// <summary>A project whose code comes partly from <c>.proto</c> files through the repository's own Inkwell protobuf
/// source generator (a <c>ProjectReference</c> used as an analyzer, as the samples do): the generator gets its
/// <c>AdditionalFiles</c> and the SDK's analyzer options, and an edit of the <c>.proto</c> reloads like an edit of a
/// <c>.cs</c> file.</summary>
[Trait("Category", "Slow")]
public sealed class ProtobufGeneratorTests : IDisposable
{
    private const string Proto = """
        syntax = "proto3";
        package zoo;
        option csharp_namespace = "Zoo";

        message Animal {
          subtypes 100 to 199;
          string name = 1;
        }

        message Cat : Animal = 100 {
          bool indoor = 1;
        }
        """;

    private readonly ProjectFolder _project = new();

    public void Dispose() => _project.Dispose();

    [Fact]
    public void ProtoEdit_RegeneratesTheMessages_ReloadsTheirUsers_AndKeepsTheirState()
    {
        WriteProject(Proto);
        _project.Write("Keeper.cs", """
            using Inkwell.Reload;
            using Zoo;
            public static class Keeper
            {
                [Preserve] public static List<Animal> Animals = [];
                public static void Admit(string name) => Animals.Add(new Cat { Name = name, Indoor = true });
                public static string Describe() => string.Join(",", Animals.Select(a => a is Cat c ? $"cat {c.Name} {c.Indoor}" : a.Name));
            }
            """);
        ReloadHost host = _project.Start();
        _project.Call("Keeper", "Admit", "Tom");
        Assert.Equal("cat Tom True", _project.Call("Keeper", "Describe"));
        // The generated sources are modules of their own (under a folder nothing is written to), used by Keeper.cs.
        string generatedFolder = _project.PathOf(Path.Combine("obj", "inkwell", "generated")) + Path.DirectorySeparatorChar;
        string[] generated = [.. host.Graph.Modules.Where(m => m.StartsWith(generatedFolder, StringComparison.Ordinal))];
        Assert.NotEmpty(generated);
        Assert.Contains(host.Graph.GetDependencies("Keeper.cs"), generated.Contains);

        // A new field in the .proto, used by the module at the same time.
        _project.Write("zoo.proto", Proto.Replace("bool indoor = 1;", "bool indoor = 1;\n  uint32 lives = 2;", StringComparison.Ordinal));
        _project.Write("Keeper.cs", _project.Read("Keeper.cs")
            .Replace("$\"cat {c.Name} {c.Indoor}\"", "$\"cat {c.Name} {c.Indoor} {c.Lives}\"", StringComparison.Ordinal)
            .Replace("Indoor = true }", "Indoor = true, Lives = 9 }", StringComparison.Ordinal));
        ReloadResult result = _project.Reload();

        Assert.Contains(result.Reloaded, generated.Contains);
        Assert.Contains(_project.PathOf("Keeper.cs"), result.Reloaded);
        _project.Call("Keeper", "Admit", "Felix");
        Assert.Equal("cat Tom True 0,cat Felix True 9", _project.Call("Keeper", "Describe"));
        Assert.Empty(host.VerifyUnloaded());
    }

    [Fact]
    public void ProtoEditAlone_IsAChange_AndABrokenProto_IsReportedAtItsLine_WhileTheRunningVersionStays()
    {
        WriteProject(Proto);
        _project.Write("Keeper.cs", "public static class Keeper { public static string Fields() => string.Join(\",\", Zoo.Cat.Descriptor.Fields.InDeclarationOrder().Select(f => f.Name)); }");
        // With the warm-up, as `inkwell run` starts: the generators' throw-away run after the first load (a module parsed
        // again) leaves them seeing the edits that follow.
        _project.Start(warmUp: true);
        Assert.Equal("indoor", _project.Call("Keeper", "Fields"));

        _project.Write("zoo.proto", Proto.Replace("bool indoor = 1;", "bool indoor = 1;\n  string toy = 2;", StringComparison.Ordinal));
        ReloadResult result = _project.Reload();
        Assert.Contains(_project.PathOf("Keeper.cs"), result.Reloaded); // it uses the regenerated Cat
        Assert.Equal("indoor,toy", _project.Call("Keeper", "Fields"));

        _project.Write("zoo.proto", Proto.Replace("bool indoor = 1;", "bool indoor = 1\n  string toy = 2;", StringComparison.Ordinal));
        ReloadResult failed = _project.Host.Reload(TestContext.Current.CancellationToken);
        Assert.Equal(ReloadStatus.CompileFailed, failed.Status);
        ReloadDiagnostic error = Assert.Single(failed.Errors);
        Assert.Equal("IWP102", error.Id); // a syntax error (docs/diagnostics.md)
        Assert.Equal(_project.PathOf("zoo.proto"), error.Path);
        Assert.Equal(12, error.Line);
        Assert.Equal("indoor,toy", _project.Call("Keeper", "Fields"));
    }

    private void WriteProject(string proto)
    {
        string? generator = FindGeneratorProject();
        if (generator is null)
        {
            Assert.Skip("src/Inkwell.Protobuf.Generator was not found above the test assembly's folder.");
        }

        string build = Path.Combine(Path.GetDirectoryName(generator)!, "build", "Inkwell.Protobuf.Generator");
        _project.Write("zoo.proto", proto);
        _project.Write("App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{build}.props" />
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <!-- Release, as the repository's own build makes it, so the tests find it built. -->
                <ProjectReference Include="{generator}" OutputItemType="Analyzer" ReferenceOutputAssembly="false" SetConfiguration="Configuration=Release" />
                <PackageReference Include="Google.Protobuf" Version="3.36.2" />
                <Protobuf Include="zoo.proto" />
              </ItemGroup>
              <Import Project="{build}.targets" />
            </Project>
            """);
    }

    private static string? FindGeneratorProject()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            string candidate = Path.Combine(directory.FullName, "src", "Inkwell.Protobuf.Generator", "Inkwell.Protobuf.Generator.csproj");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
