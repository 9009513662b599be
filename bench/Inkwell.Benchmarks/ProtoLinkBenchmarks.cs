using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using Inkwell.Protobuf;

namespace Inkwell.Benchmarks;

/// <summary>
/// The compiler's halves on the source generator's 100-file project (a chain: each file imports common.proto and its
/// predecessor): parsing every file (<see cref="ParsedProtoFile.Parse"/>), compiling from text (parse + bind), and
/// linking kept parses (<see cref="ProtoCompiler.Link"/>) — with every file bound again (the first file's parse is
/// swapped for an equal one), after a one-file edit in the middle (p50.proto swapped: the files before it keep their
/// binding), and with nothing changed.
/// </summary>
[MemoryDiagnoser]
public class ProtoLinkBenchmarks
{
    private Dictionary<string, string> _texts = null!;
    private string[] _names = null!;
    private Dictionary<string, ParsedProtoFile> _parses = null!;
    private ParsedProtoFile[] _common = null!;
    private ParsedProtoFile[] _middle = null!;
    private bool _toggle;

    [GlobalSetup]
    public void Setup()
    {
        _texts = ProtobufSourceGeneratorBenchmarks.SyntheticProject().ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal);
        _names = [.. _texts.Keys];
        _parses = _texts.ToDictionary(f => f.Key, f => ParsedProtoFile.Parse(f.Value, f.Key), StringComparer.Ordinal);
        _common = [_parses["bench/common.proto"], ParsedProtoFile.Parse(_texts["bench/common.proto"], "bench/common.proto")];
        _middle = [_parses["bench/p50.proto"], ParsedProtoFile.Parse(_texts["bench/p50.proto"], "bench/p50.proto")];
        if (!ProtoCompiler.Link(_names, new KeptParses(_parses)).Success)
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

    /// <summary>Linking the 100 kept parses when every file must be bound again (copy + bind, no parsing).</summary>
    [Benchmark]
    public int LinkAllRebound() => LinkWith("bench/common.proto", _common);

    /// <summary>Linking after p50.proto changed: p50…p99 are bound again, common and p1…p49 keep their binding.</summary>
    [Benchmark]
    public int LinkAfterMiddleEdit() => LinkWith("bench/p50.proto", _middle);

    /// <summary>Linking again with nothing changed: every binding is taken over.</summary>
    [Benchmark]
    public int LinkUnchanged() => ProtoCompiler.Link(_names, new KeptParses(_parses)).AllFiles.Count;

    private int LinkWith(string name, ParsedProtoFile[] alternatives)
    {
        _toggle = !_toggle;
        _parses[name] = alternatives[_toggle ? 1 : 0];
        return ProtoCompiler.Link(_names, new KeptParses(_parses)).AllFiles.Count;
    }

    private sealed class KeptParses(Dictionary<string, ParsedProtoFile> files) : IParsedProtoFileResolver
    {
        public bool TryGet(string name, [NotNullWhen(true)] out ParsedProtoFile? file) => files.TryGetValue(name, out file);
    }
}
