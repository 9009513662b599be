using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Inkwell.Protobuf;

namespace Inkwell.Benchmarks;

/// <summary>
/// The compiler's two halves on the source generator's 100-file project: parsing every file
/// (<see cref="ParsedProtoFile.Parse"/>), compiling from text (parse + bind), and linking kept parses
/// (<see cref="ProtoCompiler.Link"/>: bind a copy of each kept tree, no parsing) — what an edit costs an incremental caller.
/// </summary>
[MemoryDiagnoser]
public class ProtoLinkBenchmarks
{
    private Dictionary<string, string> _texts = null!;
    private string[] _names = null!;
    private KeptParses _parses = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = ProtobufSourceGeneratorBenchmarks.SyntheticProject().ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        _names = [.. _texts.Keys];
        _parses = new KeptParses(_texts.ToDictionary(f => f.Key, f => ParsedProtoFile.Parse(f.Value, f.Key), StringComparer.Ordinal));
        if (!ProtoCompiler.Link(_names, _parses).Success)
        {
            throw new InvalidOperationException("The synthetic project does not link.");
        }
    }

    /// <summary>Parsing all 100 files, one after the other.</summary>
    [Benchmark]
    public int ParseAll()
    {
        int count = 0;
        foreach (KeyValuePair<string, string> file in _texts)
        {
            count += ParsedProtoFile.Parse(file.Value, file.Key).Imports.Count;
        }

        return count;
    }

    /// <summary>Compiling all 100 files from text (parsing on the thread pool, then binding).</summary>
    [Benchmark(Baseline = true)]
    public int CompileAll() => ProtoCompiler.Compile(_names, new InMemoryResolver(_texts)).AllFiles.Count;

    /// <summary>Linking the 100 kept parses: what the source generator's link step does after an edit.</summary>
    [Benchmark]
    public int LinkAll() => ProtoCompiler.Link(_names, _parses).AllFiles.Count;

    private sealed class KeptParses(Dictionary<string, ParsedProtoFile> files) : IParsedProtoFileResolver
    {
        public bool TryGet(string name, [NotNullWhen(true)] out ParsedProtoFile? file) => files.TryGetValue(name, out file);
    }
}
