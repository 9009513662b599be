using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop;

/// <summary>
/// Sources with message inheritance, compiled by Inkwell in a temporary folder, with the lowered files written the way
/// <c>inkwell protoc --proto_out=DIR</c> writes them (every file of the compilation but protobuf's own
/// <c>google/protobuf/*</c>), so that protoc and other runtimes can be pointed at them.
/// </summary>
internal sealed class LoweredSchema : IDisposable
{
    private readonly string _root;

    private LoweredSchema(string root, IReadOnlyList<string> files, CompilationResult result)
    {
        _root = root;
        Files = files;
        Result = result;
    }

    /// <summary>The original sources, as given.</summary>
    public string SourceDirectory => Path.Combine(_root, "src");

    /// <summary>What <c>--proto_out</c> would write.</summary>
    public string LoweredDirectory => Path.Combine(_root, "lowered");

    /// <summary>The requested files' import names.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Inkwell's compilation of the original sources.</summary>
    public CompilationResult Result { get; }

    /// <summary>Writes <paramref name="sources"/> (import name, text), compiles <paramref name="files"/> (all of them when none are named) and writes the lowered files.</summary>
    public static LoweredSchema Create((string Name, string Text)[] sources, params string[] files)
    {
        string wellKnown = Protoc.RequireIncludeDirectory();
        string root = Path.Combine(Path.GetTempPath(), "inkwell-interop-" + Guid.NewGuid().ToString("N"));
        string sourceDirectory = Path.Combine(root, "src");
        foreach ((string name, string text) in sources)
        {
            WriteFile(sourceDirectory, name, text);
        }

        string[] requested = files.Length > 0 ? files : [.. sources.Select(s => s.Name)];
        CompilationResult result = ProtoCompiler.Compile(requested, [sourceDirectory, wellKnown], TestContext.Current.CancellationToken);
        var schema = new LoweredSchema(root, requested, result);
        if (!result.Success)
        {
            schema.Dispose();
            Assert.Fail("Inkwell rejected the sources:\n" + string.Join("\n", result.Diagnostics.Select(d => d.Format())));
        }

        Directory.CreateDirectory(schema.LoweredDirectory);
        foreach (CompiledFile file in result.AllFiles.Where(f => !f.Name.StartsWith("google/protobuf/", StringComparison.Ordinal)))
        {
            string text = result.LoweredSources.TryGetValue(file.Name, out string? lowered)
                ? lowered
                : File.ReadAllText(Path.Combine(sourceDirectory, file.Name));
            WriteFile(schema.LoweredDirectory, file.Name, text);
        }

        return schema;
    }

    /// <summary>The lowered text of one file, as <c>--proto_out</c> writes it.</summary>
    public string LoweredText(string name) => File.ReadAllText(Path.Combine(LoweredDirectory, name));

    /// <summary>protoc's arguments that make it read the lowered files: the folder and the well-known types.</summary>
    public IReadOnlyList<string> ProtocIncludes => ["-I" + LoweredDirectory, "-I" + Protoc.RequireIncludeDirectory()];

    /// <summary><c>protoc --encode=TYPE</c> of the text format <paramref name="text"/>, against the lowered files.</summary>
    public byte[] Encode(string messageType, string text) =>
        ProtocTextFormat.Encode([.. ProtocIncludes, "--encode=" + messageType, .. Files], text, LoweredDirectory);

    /// <summary><c>protoc --decode=TYPE</c> of <paramref name="bytes"/> against the lowered files, whitespace collapsed.</summary>
    public string Decode(string messageType, byte[] bytes) =>
        ProtocTextFormat.Decode([.. ProtocIncludes, "--decode=" + messageType, .. Files], bytes, LoweredDirectory);

    /// <summary>Writes the lowered descriptor set (with everything imported) for runtimes that build classes from one.</summary>
    public string WriteDescriptorSet()
    {
        string path = Path.Combine(_root, "lowered.pb");
        File.WriteAllBytes(path, Result.GetDescriptorSetBytes(includeImports: true));
        return path;
    }

    /// <summary>A path for scratch files inside the temporary folder.</summary>
    public string ScratchPath(string name) => Path.Combine(_root, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }

    private static void WriteFile(string directory, string name, string text)
    {
        string path = Path.Combine(directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
