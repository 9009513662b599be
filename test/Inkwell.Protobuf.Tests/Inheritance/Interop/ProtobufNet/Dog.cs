using ProtoBuf;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop.ProtobufNet;

/// <summary><c>message Dog : Animal = 101 { uint32 bones_buried = 1; }</c>.</summary>
[ProtoContract]
public sealed class Dog : Animal
{
    [ProtoMember(1)]
    public uint BonesBuried { get; set; }
}
