using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Google.Protobuf;
using Net = Inkwell.Benchmarks.Protobuf.ByProtobufNet;

namespace Inkwell.Benchmarks.Protobuf;

/// <summary>
/// A typical message (Schemas/order.proto, 507 bytes) serialized and parsed by protoc's generated C# (the baseline of
/// each category), Inkwell's and protobuf-net's, side by side: issue 8's "≤ 1.0× Google.Protobuf's time with the
/// same allocations". Serializing goes to a new byte[] and to a reused IBufferWriter; parsing reads a byte[].
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OrderBenchmarks
{
    private const string ToArray = "Serialize to byte[]";
    private const string ToBuffer = "Serialize to a reused IBufferWriter";
    private const string Parse = "Parse from byte[]";

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private ByProtoc.Order _protoc = null!;
    private ByInkwell.Order _inkwell = null!;
    private Net.Order _protobufNet = null!;
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup()
    {
        // protobuf-net at its best: its serializer for the type compiled before the first measurement.
        ProtoBuf.Serializer.PrepareSerializer<Net.Order>();
        _protoc = OrderSample.Protoc();
        _inkwell = OrderSample.Inkwell();
        _protobufNet = OrderSample.ProtobufNet();
        WireCheck.SameSchema(ByProtoc.OrderReflection.Descriptor, ByInkwell.OrderReflection.Descriptor);

        _bytes = _protoc.ToByteArray();
        WireCheck.SameBytes("Inkwell's order", _bytes, _inkwell.ToByteArray());
        WireCheck.SameBytes("protobuf-net's order", _bytes, ProtobufNetToByteArray());
        WireCheck.SameBytes("Inkwell's order to a buffer", _bytes, InkwellToBuffer().WrittenSpan);
        WireCheck.SameBytes("protobuf-net's order to a buffer", _bytes, ProtobufNetToBuffer().WrittenSpan);
        WireCheck.SameBytes("Inkwell's parsed order", _bytes, InkwellParse().ToByteArray());
        WireCheck.SameBytes("protobuf-net's parsed order", _bytes, ProtoBuf.Serializer.Deserialize<Net.Order>(_bytes.AsSpan()).ToBytes());
        if (!ProtocParse().Equals(_protoc) || !InkwellParse().Equals(_inkwell))
        {
            throw new InvalidOperationException("A parsed order is not equal to the one written.");
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory(ToArray)]
    public byte[] ProtocToByteArray() => _protoc.ToByteArray();

    [Benchmark, BenchmarkCategory(ToArray)]
    public byte[] InkwellToByteArray() => _inkwell.ToByteArray();

    /// <summary>What protobuf-net users write for a byte[]: it has no ToByteArray.</summary>
    [Benchmark, BenchmarkCategory(ToArray)]
    public byte[] ProtobufNetToByteArray() => _protobufNet.ToBytes();

    [Benchmark(Baseline = true), BenchmarkCategory(ToBuffer)]
    public ArrayBufferWriter<byte> ProtocToBuffer()
    {
        _buffer.ResetWrittenCount();
        _protoc.WriteTo(_buffer);
        return _buffer;
    }

    [Benchmark, BenchmarkCategory(ToBuffer)]
    public ArrayBufferWriter<byte> InkwellToBuffer()
    {
        _buffer.ResetWrittenCount();
        _inkwell.WriteTo(_buffer);
        return _buffer;
    }

    [Benchmark, BenchmarkCategory(ToBuffer)]
    public ArrayBufferWriter<byte> ProtobufNetToBuffer()
    {
        _buffer.ResetWrittenCount();
        ProtoBuf.Serializer.Serialize<Net.Order>(_buffer, _protobufNet);
        return _buffer;
    }

    [Benchmark(Baseline = true), BenchmarkCategory(Parse)]
    public ByProtoc.Order ProtocParse() => ByProtoc.Order.Parser.ParseFrom(_bytes);

    [Benchmark, BenchmarkCategory(Parse)]
    public ByInkwell.Order InkwellParse() => ByInkwell.Order.Parser.ParseFrom(_bytes);

    [Benchmark, BenchmarkCategory(Parse)]
    public Net.Order ProtobufNetParse() => ProtoBuf.Serializer.Deserialize<Net.Order>(_bytes.AsSpan());
}
