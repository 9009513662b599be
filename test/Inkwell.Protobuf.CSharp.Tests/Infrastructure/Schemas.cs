using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Tests.Infrastructure;

/// <summary>The test project's own schemas and the corpus files, as inputs to the oracle tests.</summary>
internal static class Schemas
{
    /// <summary>The folder holding this project's .proto files (copied next to the test assembly).</summary>
    public static string OwnRoot => Path.Combine(AppContext.BaseDirectory, "Schemas");

    /// <summary>The own schemas whose C# is protoc's line for line (the beyond_*.proto files are not: see BeyondProtocTests).</summary>
    public static readonly string[] OwnFiles =
    [
        "inkwell/tests/everything_proto3.proto",
        "inkwell/tests/shared_types.proto",
        "inkwell/tests/everything_proto2.proto",
        "inkwell/tests/editions.proto",
        "inkwell/tests/editions_implicit.proto",
        "inkwell/tests/naming.proto",
    ];

    /// <summary>The corpus files the differential tests exercise (every field kind, maps, oneofs, extensions, editions).</summary>
    public static readonly string[] CorpusDifferentialFiles =
    [
        "google/protobuf/test_messages_proto3.proto",
        "google/protobuf/test_messages_proto2.proto",
        "google/protobuf/unittest_proto3.proto",
        "google/protobuf/map_unittest.proto",
        "google/protobuf/unittest_proto3_optional.proto",
        "google/protobuf/unittest_well_known_types.proto",
        "conformance/test_protos/test_messages_edition2023.proto",
    ];

    /// <summary>Every .proto file of the corpus, relative to its root, or a single marker when it is absent.</summary>
    public static TheoryData<string> CorpusFiles()
    {
        var data = new TheoryData<string>();
        if (Corpus.Protobuf is null)
        {
            data.Add(AbsentMarker);
            return data;
        }
        foreach (string file in CorpusFileNames(Corpus.Protobuf))
        {
            data.Add(file);
        }
        return data;
    }

    public static List<string> CorpusFileNames(string root) =>
        [.. Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> CorpusDifferentialData()
    {
        var data = new TheoryData<string>();
        foreach (string file in CorpusDifferentialFiles)
        {
            data.Add(file);
        }
        return data;
    }

    public const string AbsentMarker = "(corpus absent)";

    /// <summary>The corpus root for a theory row, skipping when the corpus is absent.</summary>
    public static string CorpusRootFor(string file)
    {
        string root = Corpus.RequireProtobuf();
        Assert.NotEqual(AbsentMarker, file);
        return root;
    }

    /// <summary>
    /// The files of a descriptor set (a file and its imports) that need generating for it to compile: all
    /// but those the Google.Protobuf runtime already ships (the well-known types).
    /// </summary>
    public static List<string> GenerationClosure(FileDescriptorSet set) =>
        [.. set.File.Select(f => f.Name).Where(name => !ShippedByRuntime(name))];

    private static readonly HashSet<string> s_runtimeFiles =
    [
        "google/protobuf/any.proto", "google/protobuf/api.proto", "google/protobuf/duration.proto",
        "google/protobuf/empty.proto", "google/protobuf/field_mask.proto", "google/protobuf/source_context.proto",
        "google/protobuf/struct.proto", "google/protobuf/timestamp.proto", "google/protobuf/type.proto",
        "google/protobuf/wrappers.proto", "google/protobuf/descriptor.proto", "google/protobuf/compiler/plugin.proto",
        "google/protobuf/json_options.proto", "google/protobuf/json_enumvalue_options.proto",
    ];

    public static bool ShippedByRuntime(string name) => s_runtimeFiles.Contains(name);
}
