using Inkwell.Protobuf.CSharp;
using Inkwell.Protobuf.Generator.Tests.Infrastructure;

namespace Inkwell.Protobuf.Generator.Tests;

/// <summary>
/// The generator hands the C# generator each file with only the declarations of what it imports; its output
/// must still be exactly what the C# generator writes from complete descriptors (the CLI's path).
/// </summary>
public sealed class EquivalenceTests
{
    [Fact]
    public void OwnSchemas_PublicImportsEditionsAndWellKnownTypes_MatchFullDescriptorGeneration()
    {
        var files = new Dictionary<string, string>
        {
            ["base/colors.proto"] = """
                syntax = "proto2";
                package base;
                option csharp_namespace = "Base.Palette";
                enum Color { RED = 1; GREEN = 2; }
                message Swatch { optional Color color = 1 [default = GREEN]; extensions 100 to 199; }
                """,
            ["base/reexport.proto"] = """
                syntax = "proto3";
                package base;
                import public "base/colors.proto";
                message Marker { int32 id = 1; }
                """,
            ["app/paint.proto"] = """
                edition = "2023";
                package app;
                import "base/reexport.proto";
                import "google/protobuf/timestamp.proto";
                message Paint {
                  base.Color color = 1;
                  base.Swatch swatch = 2;
                  base.Marker marker = 3;
                  map<string, base.Swatch> named = 4;
                  repeated base.Color history = 5;
                  google.protobuf.Timestamp mixed = 6;
                  message Layer { base.Swatch swatch = 1 [features.message_encoding = DELIMITED]; }
                  repeated Layer layers = 7;
                }
                extend base.Swatch { string label = 100; }
                """,
            ["shop.proto"] = Schemas.WellKnown,
        };
        var project = new ProtoProject();
        foreach ((string name, string text) in files)
        {
            project.Protobuf(name, text);
        }

        GeneratorRun run = project.Run().AssertNoException();

        Assert.Empty(run.Diagnostics);
        var resolver = new InMemoryResolver(files);
        foreach (string name in files.Keys)
        {
            Assert.Equal(ReferenceGeneration.Generate(name, resolver), run.Sources[name.Replace('/', '.') + ".g.cs"]);
        }

        Compilations.EmitAndLoad(run.Output);
    }

    [Fact]
    public void ProtobufCorpus_EveryFile_MatchesFullDescriptorGeneration()
    {
        string root = Corpus.RequireProtobuf();
        var names = Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(root, p).Replace('\\', '/'))
            .Where(n => !WellKnownTypesResolver.Names.Contains(n) && !n.EndsWith("unittest_enormous_descriptor.proto", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var project = new ProtoProject();
        foreach (string name in names)
        {
            project.Protobuf(Path.Combine(root, name), File.ReadAllText(Path.Combine(root, name)), ("ProtoRoot", root), ("GrpcServices", "None"));
        }

        GeneratorRun run = project.Run().AssertNoException();

        var resolver = new FileSystemResolver([root]);
        int compared = 0;
        foreach (string name in names)
        {
            string hint = name.Replace('/', '.') + ".g.cs";
            string? expected;
            try
            {
                expected = ReferenceGeneration.Generate(name, resolver);
            }
            catch (CSharpGenerationException exception)
            {
                Assert.Contains(run.Diagnostics, d => d.Id == "IWP004" && d.GetMessage().Contains(exception.Message, StringComparison.Ordinal));
                continue;
            }

            if (expected is null)
            {
                Assert.False(run.Sources.ContainsKey(hint), name + " does not compile, yet C# was generated");
                Assert.Contains(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && d.Id.StartsWith("IWP1", StringComparison.Ordinal));
                continue;
            }

            Assert.True(run.Sources.TryGetValue(hint, out string? actual), name + " was not generated: " + string.Join("\n", run.Diagnostics));
            Assert.True(expected == actual, name + " differs from full-descriptor generation");
            compared++;
        }

        Assert.True(compared > 60, $"only {compared} corpus files compared");
    }
}
