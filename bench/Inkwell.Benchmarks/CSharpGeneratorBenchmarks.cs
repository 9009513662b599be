using BenchmarkDotNet.Attributes;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp;

namespace Inkwell.Benchmarks;

/// <summary>
/// Time to generate C# for descriptor.proto (proto2, 30 messages, 650 KB of output) from its
/// descriptor, which Google.Protobuf carries, so the benchmark needs no protoc.
/// </summary>
[MemoryDiagnoser]
public class CSharpGeneratorBenchmarks
{
    private readonly FileDescriptorProto _descriptorProto =
        FileDescriptorProto.Parser.ParseFrom(DescriptorReflection.Descriptor.SerializedData);

    [Benchmark]
    public int GenerateDescriptorProto() =>
        CSharpGenerator.Generate([_descriptorProto], [_descriptorProto.Name])[0].Content.Length;
}
