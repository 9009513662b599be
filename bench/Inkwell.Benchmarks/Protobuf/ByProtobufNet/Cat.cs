using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>zoo.proto's <c>Cat : Animal = 100</c>.</summary>
[ProtoContract]
[ProtoInclude(10, typeof(Kitten))]
public class Cat : Animal
{
    [ProtoMember(1)]
    public bool Declawed { get; set; }
}
