using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace Inkwell.Benchmarks;

/// <summary>
/// The baseline for issue 8's "cache serialized sizes": protoc-generated C# (here Google.Protobuf's
/// own Struct/Value) recomputes CalculateSize at every nesting level, so serializing a chain costs
/// O(depth²). Compare the times across depths: linear code would scale with depth.
/// </summary>
[MemoryDiagnoser]
public class DeepTreeSerializationBenchmarks
{
    private Value _tree = new();

    [Params(10, 50, 100)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        Value value = Value.ForString("leaf");
        for (int i = 0; i < Depth; i++)
        {
            value = Value.ForList(value);
        }
        _tree = value;
    }

    [Benchmark]
    public int Serialize() => _tree.ToByteArray().Length;
}
