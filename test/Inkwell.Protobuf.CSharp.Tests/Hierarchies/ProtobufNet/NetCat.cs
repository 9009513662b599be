using ProtoBuf;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies.ProtobufNet;

/// <summary>protobuf-net's form of <c>message Cat : Animal = 100</c>.</summary>
[ProtoContract]
[ProtoInclude(10, typeof(NetKitten))]
public class NetCat : NetAnimal
{
    [ProtoMember(1)]
    public bool Declawed { get; set; }
}
