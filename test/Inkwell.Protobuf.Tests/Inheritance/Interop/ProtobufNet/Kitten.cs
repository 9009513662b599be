using ProtoBuf;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop.ProtobufNet;

/// <summary><c>message Kitten : Cat = 10 { string toy = 1; }</c>.</summary>
[ProtoContract]
public sealed class Kitten : Cat
{
    [ProtoMember(1)]
    public string? Toy { get; set; }
}
