using ProtoBuf;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop.ProtobufNet;

/// <summary><c>message Zoo { repeated Animal animals = 1; }</c>: a list of mixed subtypes.</summary>
[ProtoContract]
public sealed class Zoo
{
    [ProtoMember(1)]
    public List<Animal> Animals { get; } = [];
}
