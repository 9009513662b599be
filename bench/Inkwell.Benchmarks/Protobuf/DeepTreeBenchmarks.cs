using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Net = Inkwell.Benchmarks.Protobuf.ByProtobufNet;

namespace Inkwell.Benchmarks.Protobuf;

/// <summary>
/// Issue 8's "a 50-deep tree linear": a chain of <c>TreeNode</c>s (Schemas/tree.proto), each with two leaves,
/// serialized by protoc's generated C# (the baseline), Inkwell's and protobuf-net's at several depths. protoc's
/// C# computes a nested message's size at every level it is written from, so its time grows with depth²;
/// Inkwell's computes each size once per write. Linear means time ÷ depth stays flat across the depths.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class DeepTreeBenchmarks
{
    private ByProtoc.TreeNode _protoc = null!;
    private ByInkwell.TreeNode _inkwell = null!;
    private Net.TreeNode _protobufNet = null!;

    [Params(10, 25, 50, 100)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // protobuf-net at its best: its serializer for the type compiled before the first measurement.
        ProtoBuf.Serializer.PrepareSerializer<Net.TreeNode>();
        _protoc = Chain(Depth, () => new ByProtoc.TreeNode(), (node, value) => node.Value = value, (node, leaf) => node.Leaves.Add(leaf), (node, child) => node.Child = child);
        _inkwell = Chain(Depth, () => new ByInkwell.TreeNode(), (node, value) => node.Value = value, (node, leaf) => node.Leaves.Add(leaf), (node, child) => node.Child = child);
        _protobufNet = Chain(Depth, () => new Net.TreeNode(), (node, value) => node.Value = value, (node, leaf) => node.Leaves.Add(leaf), (node, child) => node.Child = child);
        WireCheck.SameSchema(ByProtoc.TreeReflection.Descriptor, ByInkwell.TreeReflection.Descriptor);
        byte[] expected = _protoc.ToByteArray();
        WireCheck.SameBytes("Inkwell's tree", expected, _inkwell.ToByteArray());
        WireCheck.SameBytes("protobuf-net's tree", expected, _protobufNet.ToBytes());
    }

    [Benchmark(Baseline = true)]
    public byte[] Protoc() => _protoc.ToByteArray();

    [Benchmark]
    public byte[] Inkwell() => _inkwell.ToByteArray();

    [Benchmark]
    public byte[] ProtobufNet() => _protobufNet.ToBytes();

    /// <summary>A chain of the given depth whose nodes hold a value and two leaves each.</summary>
    private static T Chain<T>(int depth, Func<T> create, Action<T, int> setValue, Action<T, T> addLeaf, Action<T, T> setChild)
    {
        T root = create();
        T current = root;
        for (int i = 0; i < depth; i++)
        {
            setValue(current, i + 1);
            for (int j = 0; j < 2; j++)
            {
                T leaf = create();
                setValue(leaf, 1000 + j);
                addLeaf(current, leaf);
            }
            T child = create();
            setChild(current, child);
            current = child;
        }
        return root;
    }
}
