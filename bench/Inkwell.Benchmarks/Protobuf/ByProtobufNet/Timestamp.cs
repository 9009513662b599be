using ProtoBuf;

namespace Inkwell.Benchmarks.Protobuf.ByProtobufNet;

/// <summary>
/// google.protobuf.Timestamp's shape for protobuf-net: the same object graph as the generated code's, rather than
/// a DateTime with DataFormat.WellKnown, which would add a conversion the other two do not make.
/// </summary>
[ProtoContract]
public sealed class Timestamp
{
    [ProtoMember(1)]
    public long Seconds { get; set; }

    [ProtoMember(2)]
    public int Nanos { get; set; }
}
