using System.Reflection;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Benchmarks;

/// <summary>
/// Serializing a chain of <c>message Node { Node child = 1; repeated Node leaves = 2; int32 value = 3; }</c>
/// with Inkwell's output with cached sizes against the same generator with caching off, whose text is
/// protoc's. The code is generated and compiled in the setup, so no protoc is needed.
/// </summary>
[MemoryDiagnoser]
public class SizeCacheBenchmarks
{
    private IMessage _protocStyle = null!;
    private IMessage _cached = null!;

    [Params(1, 10, 50, 100)]
    public int Depth { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _protocStyle = Chain(Compile(cacheSizes: false), Depth);
        _cached = Chain(Compile(cacheSizes: true), Depth);
        if (!_protocStyle.ToByteArray().AsSpan().SequenceEqual(_cached.ToByteArray()))
        {
            throw new InvalidOperationException("The two outputs serialize differently.");
        }
    }

    [Benchmark(Baseline = true)]
    public int ProtocOutput() => _protocStyle.ToByteArray().Length;

    [Benchmark]
    public int InkwellCachedSizes() => _cached.ToByteArray().Length;

    private static MessageDescriptor Compile(bool cacheSizes)
    {
        var node = new DescriptorProto { Name = "Node" };
        node.Field.Add(new FieldDescriptorProto { Name = "child", Number = 1, Label = FieldDescriptorProto.Types.Label.Optional, Type = FieldDescriptorProto.Types.Type.Message, TypeName = ".bench.Node", JsonName = "child" });
        node.Field.Add(new FieldDescriptorProto { Name = "leaves", Number = 2, Label = FieldDescriptorProto.Types.Label.Repeated, Type = FieldDescriptorProto.Types.Type.Message, TypeName = ".bench.Node", JsonName = "leaves" });
        node.Field.Add(new FieldDescriptorProto { Name = "value", Number = 3, Label = FieldDescriptorProto.Types.Label.Optional, Type = FieldDescriptorProto.Types.Type.Int32, JsonName = "value" });
        var file = new FileDescriptorProto { Name = "bench/tree.proto", Package = "bench", Syntax = "proto3" };
        file.MessageType.Add(node);
        string source = CSharpGenerator.Generate([file], [file.Name], new CSharpGeneratorOptions { CacheSerializedSizes = cacheSizes })[0].Content;
        string platform = (string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!;
        var references = platform.Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll")
            .Append(typeof(IMessage).Assembly.Location)
            .Distinct()
            .Select(p => MetadataReference.CreateFromFile(p));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "Tree" + cacheSizes, [CSharpSyntaxTree.ParseText(source)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(image);
        if (!result.Success)
        {
            throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        }
        Assembly assembly = Assembly.Load(image.ToArray());
        var descriptor = (FileDescriptor)assembly.GetType("Bench.TreeReflection")!.GetProperty("Descriptor")!.GetValue(null)!;
        return descriptor.MessageTypes[0];
    }

    /// <summary>A chain of the given depth whose nodes also hold two leaves each.</summary>
    private static IMessage Chain(MessageDescriptor descriptor, int depth)
    {
        var root = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        IMessage current = root;
        for (int i = 0; i < depth; i++)
        {
            descriptor.FindFieldByName("value").Accessor.SetValue(current, i + 1);
            var leaves = (System.Collections.IList)descriptor.FindFieldByName("leaves").Accessor.GetValue(current);
            for (int j = 0; j < 2; j++)
            {
                var leaf = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
                descriptor.FindFieldByName("value").Accessor.SetValue(leaf, 1000 + j);
                leaves.Add(leaf);
            }
            var child = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
            descriptor.FindFieldByName("child").Accessor.SetValue(current, child);
            current = child;
        }
        return root;
    }
}
