using ProtoBuf;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop.ProtobufNet;

/// <summary>protobuf-net's code-first form of <c>message Animal { subtypes 100 to 199; float weight = 1; }</c>.</summary>
[ProtoContract]
[ProtoInclude(100, typeof(Cat))]
[ProtoInclude(101, typeof(Dog))]
public class Animal
{
    [ProtoMember(1)]
    public float Weight { get; set; }
}
