using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Protobuf.CSharp.Tests;

/// <summary>Generated code compiles in a strict consumer: nullable enabled, every warning an error, docs checked.</summary>
public sealed class CompilationTests
{
    [Theory]
    [InlineData(LanguageVersion.Latest)]
    [InlineData(LanguageVersion.CSharp7_3)]
    public void Generate_OwnSchemas_CompilesWithWarningsAsErrors(LanguageVersion version)
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, Schemas.OwnFiles);
        (byte[]? image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> errors) = CSharpCompiler.Compile("OwnSchemas" + version, pair.InkwellSources, version);
        Assert.True(image is not null, string.Join("\n", errors.Take(20)));
    }

    /// <summary>
    /// Google.Protobuf's compatibility mode (no ref-struct parsing, for old runtimes) compiles the
    /// <c>#else</c> branches; with size caching those must not reference the ref-struct paths.
    /// </summary>
    [Fact]
    public void Generate_OwnSchemas_CompilesInRefStructCompatibilityMode()
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, Schemas.OwnFiles);
        (byte[]? image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> errors) = CSharpCompiler.Compile(
            "OwnSchemasCompat", pair.InkwellSources, emit: false, preprocessorSymbols: "GOOGLE_PROTOBUF_REFSTRUCT_COMPATIBILITY_MODE");
        Assert.True(image is not null, string.Join("\n", errors.Take(20)));
        // What the mode is for: nothing a compiler without ref structs would reject is left.
        Assert.Empty(CSharpCompiler.RefStructMentions(pair.InkwellSources, "GOOGLE_PROTOBUF_REFSTRUCT_COMPATIBILITY_MODE"));
    }

    /// <summary>
    /// Every corpus file is generated once and compiled; files whose C# types would clash (protobuf's
    /// corpus reuses names across files that are never imported together) go to separate compilations.
    /// </summary>
    [Fact]
    public void Generate_WholeCorpus_CompilesWithWarningsAsErrors()
    {
        string root = Corpus.RequireProtobuf();
        var files = new Dictionary<string, FileDescriptorProto>(StringComparer.Ordinal);
        foreach (string file in Schemas.CorpusFileNames(root))
        {
            foreach (FileDescriptorProto proto in Protoc.DescriptorSet(root, [file]).File)
            {
                files.TryAdd(proto.Name, proto);
            }
        }
        var toGenerate = files.Keys
            .Where(name => !Schemas.ShippedByRuntime(name) && !s_notCompiledHere.ContainsKey(name))
            .Order(StringComparer.Ordinal)
            .ToList();
        IReadOnlyList<GeneratedFile> generated = CSharpGenerator.Generate(files.Values, toGenerate);
        var buckets = new List<(HashSet<string> Names, Dictionary<string, string> Sources)>();
        for (int i = 0; i < toGenerate.Count; i++)
        {
            HashSet<string> names = DeclaredNames(files[toGenerate[i]]);
            var bucket = buckets.FirstOrDefault(b => !b.Names.Overlaps(names));
            if (bucket.Names is null)
            {
                bucket = ([], []);
                buckets.Add(bucket);
            }
            bucket.Names.UnionWith(names);
            bucket.Sources.Add(toGenerate[i], generated[i].Content);
        }
        Assert.True(buckets.Count <= 4, $"{buckets.Count} compilations; the corpus should need only a few");
        for (int i = 0; i < buckets.Count; i++)
        {
            (byte[]? image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> errors) = CSharpCompiler.Compile($"Corpus{i}", buckets[i].Sources, emit: false);
            Assert.True(image is not null, string.Join("\n", errors.Take(20)));
        }
    }

    /// <summary>Corpus files left out of this test, and why.</summary>
    private static readonly Dictionary<string, string> s_notCompiledHere = new(StringComparer.Ordinal)
    {
        // Messages named after generated members (a message MergeFrom has methods MergeFrom): no C# can keep
        // those names; protoc's output fails the same way. Inkwell does fix the other half (types named
        // bool, while, …, which it escapes with @).
        ["google/protobuf/compiler/cpp/test_bad_identifiers_proto2.proto"] = "message names equal generated member names",
        ["google/protobuf/compiler/cpp/test_bad_identifiers_editions.proto"] = "message names equal generated member names",
        // 5 MB of C# that only stresses descriptor size; its text is identical to protoc's (GeneratedTextTests).
        ["google/protobuf/unittest_enormous_descriptor.proto"] = "too slow to compile in the unit test run",
    };

    /// <summary>The fully qualified C# names a file declares, by its package and csharp_namespace.</summary>
    private static HashSet<string> DeclaredNames(FileDescriptorProto file)
    {
        string ns = file.Options?.HasCsharpNamespace == true ? file.Options.CsharpNamespace : file.Package.ToUpperInvariant();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            ns + "." + Path.GetFileNameWithoutExtension(file.Name).Replace("_", "", StringComparison.Ordinal) + "reflection",
            ns + "." + Path.GetFileNameWithoutExtension(file.Name).Replace("_", "", StringComparison.Ordinal) + "extensions",
        };
        foreach (DescriptorProto message in file.MessageType)
        {
            names.Add(ns + "." + message.Name);
        }
        foreach (EnumDescriptorProto protoEnum in file.EnumType)
        {
            names.Add(ns + "." + protoEnum.Name);
        }
        return names;
    }
}
