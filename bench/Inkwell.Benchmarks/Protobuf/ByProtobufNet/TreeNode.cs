using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>tree.proto's <c>TreeNode</c> for protobuf-net.</summary>
[ProtoContract]
public sealed class TreeNode
{
    [ProtoMember(1)]
    public TreeNode? Child { get; set; }

    [ProtoMember(2)]
    public List<TreeNode> Leaves { get; } = [];

    [ProtoMember(3)]
    public int Value { get; set; }
}
