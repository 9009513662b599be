using ProtoBuf;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop.ProtobufNet;

/// <summary><c>message Cat : Animal = 100 { subtypes 10 to 19; bool declawed = 1; }</c>.</summary>
[ProtoContract]
[ProtoInclude(10, typeof(Kitten))]
public class Cat : Animal
{
    [ProtoMember(1)]
    public bool Declawed { get; set; }
}
