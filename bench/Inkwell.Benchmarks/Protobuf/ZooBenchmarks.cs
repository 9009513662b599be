using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Google.Protobuf;
using Net = Inkwell.Benchmarks.Protobuf.ByProtobufNet;

namespace Inkwell.Benchmarks.Protobuf;

/// <summary>
/// A polymorphic message: an enclosure of 100 animals of mixed types (1,390 bytes) (examples/zoo.proto's hierarchy, ONEOF
/// encoding, Schemas/enclosure.proto) serialized and parsed by protobuf-net's [ProtoInclude] classes (the baseline of
/// each category: issue 8's target is "polymorphic parse ≥ 3× faster than protobuf-net"), Inkwell's generated
/// classes (InkwellZoo) and protoc's classes for the lowered schema. Inkwell and protoc parse the bytes they write;
/// protobuf-net is measured on its own bytes (the baseline) and on theirs.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ZooBenchmarks
{
    private const int AnimalCount = 100;
    private const string ToArray = "Serialize to byte[]";
    private const string ToBuffer = "Serialize to a reused IBufferWriter";
    private const string Parse = "Parse from byte[]";

    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private ByProtoc.Enclosure _protoc = null!;
    private ByInkwell.Enclosure _inkwell = null!;
    private Net.Enclosure _protobufNet = null!;
    private byte[] _bytes = [];
    private byte[] _protobufNetBytes = [];

    [GlobalSetup]
    public void Setup()
    {
        // protobuf-net at its best: its serializer for the type compiled before the first measurement.
        ProtoBuf.Serializer.PrepareSerializer<Net.Enclosure>();
        IReadOnlyList<AnimalSpec> animals = AnimalSpec.Mixed(AnimalCount);
        _protoc = ProtocZoo.Build("Big cats and small dogs", animals);
        _inkwell = InkwellZoo.Build("Big cats and small dogs", animals);
        _protobufNet = ProtobufNetZoo.Build("Big cats and small dogs", animals);

        // Same bytes from protoc's and Inkwell's classes; protobuf-net writes a subtype's envelope field before the
        // base's fields (which every parser accepts), so its bytes are compared after a round trip through protoc's.
        _bytes = _protoc.ToByteArray();
        WireCheck.SameBytes("Inkwell's enclosure", _bytes, _inkwell.ToByteArray());
        WireCheck.SameBytes("Inkwell's enclosure to a buffer", _bytes, InkwellToBuffer().WrittenSpan);
        _protobufNetBytes = ProtobufNetToByteArray();
        WireCheck.SameBytes("protobuf-net's enclosure, reordered by protoc's classes", _bytes, ByProtoc.Enclosure.Parser.ParseFrom(_protobufNetBytes).ToByteArray());
        if (_protobufNetBytes.Length != _bytes.Length)
        {
            throw new InvalidOperationException($"protobuf-net wrote {_protobufNetBytes.Length} bytes, protoc's classes {_bytes.Length}.");
        }

        // Every implementation reads the same animals back from the one byte array the parse benchmarks use.
        Same("protoc's", animals, ProtocZoo.Read(ProtocParse()));
        Same("Inkwell's", animals, InkwellZoo.Read(InkwellParse()));
        Same("protobuf-net's", animals, ProtobufNetZoo.Read(ProtobufNetParse()));
        Same("protobuf-net's (own bytes)", animals, ProtobufNetZoo.Read(ProtobufNetParseOwnBytes()));
    }

    [Benchmark(Baseline = true), BenchmarkCategory(ToArray)]
    public byte[] ProtobufNetToByteArray() => _protobufNet.ToBytes();

    [Benchmark, BenchmarkCategory(ToArray)]
    public byte[] InkwellToByteArray() => _inkwell.ToByteArray();

    [Benchmark, BenchmarkCategory(ToArray)]
    public byte[] ProtocToByteArray() => _protoc.ToByteArray();

    [Benchmark(Baseline = true), BenchmarkCategory(ToBuffer)]
    public ArrayBufferWriter<byte> ProtobufNetToBuffer()
    {
        _buffer.ResetWrittenCount();
        ProtoBuf.Serializer.Serialize<Net.Enclosure>(_buffer, _protobufNet);
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
    public ArrayBufferWriter<byte> ProtocToBuffer()
    {
        _buffer.ResetWrittenCount();
        _protoc.WriteTo(_buffer);
        return _buffer;
    }

    /// <summary>protobuf-net reading what it writes itself (each subtype's field before the base's): its best case.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(Parse)]
    public Net.Enclosure ProtobufNetParseOwnBytes() => ProtoBuf.Serializer.Deserialize<Net.Enclosure>(_protobufNetBytes.AsSpan());

    /// <summary>
    /// protobuf-net reading what every other implementation writes (fields in number order, so the base's fields
    /// before the subtype's): it has created the base type by then, and has to change it to the subtype.
    /// </summary>
    [Benchmark, BenchmarkCategory(Parse)]
    public Net.Enclosure ProtobufNetParse() => ProtoBuf.Serializer.Deserialize<Net.Enclosure>(_bytes.AsSpan());

    [Benchmark, BenchmarkCategory(Parse)]
    public ByInkwell.Enclosure InkwellParse() => ByInkwell.Enclosure.Parser.ParseFrom(_bytes);

    [Benchmark, BenchmarkCategory(Parse)]
    public ByProtoc.Enclosure ProtocParse() => ByProtoc.Enclosure.Parser.ParseFrom(_bytes);

    private static void Same(string who, IReadOnlyList<AnimalSpec> expected, IEnumerable<AnimalSpec> actual)
    {
        var read = actual.ToList();
        int mismatch = Enumerable.Range(0, Math.Min(expected.Count, read.Count)).FirstOrDefault(i => expected[i] != read[i], -1);
        if (read.Count != expected.Count || mismatch >= 0)
        {
            throw new InvalidOperationException(mismatch >= 0
                ? $"{who} animal {mismatch} is {read[mismatch]}, expected {expected[mismatch]}."
                : $"{who} parse gave {read.Count} animals, expected {expected.Count}.");
        }
    }
}
