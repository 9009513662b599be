using Google.Protobuf;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;

namespace Inkwell.Protobuf.CSharp.Tests;

/// <summary>
/// Cached serialized sizes never change the bytes: deep and wide trees, and trees mutated between two
/// serializations (where a stale cache would show), serialize exactly as protoc's code does.
/// </summary>
public sealed class SizeCacheTests
{
    private const string Recursive = "inkwell.tests.proto3.Recursive";

    [Theory]
    [InlineData(1, 0)]
    [InlineData(90, 0)]
    [InlineData(20, 3)]
    public void Serialize_DeepAndWideTrees_SameBytesAsProtoc(int depth, int width)
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, Schemas.OwnFiles);
        IMessage expected = Tree(pair.ProtocAssembly.Value, depth, width);
        IMessage actual = Tree(pair.InkwellAssembly.Value, depth, width);
        Assert.Equal(expected.ToByteArray(), actual.ToByteArray());
        Assert.Equal(expected.CalculateSize(), actual.CalculateSize());
    }

    [Fact]
    public void Serialize_AfterMutatingDeepChild_SameBytesAsProtoc()
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, Schemas.OwnFiles);
        IMessage expected = Tree(pair.ProtocAssembly.Value, 30, 2);
        IMessage actual = Tree(pair.InkwellAssembly.Value, 30, 2);
        // Serialize once (filling caches), then grow a deep child without touching its ancestors, and
        // serialize again through every write path.
        _ = actual.ToByteArray();
        actual.CalculateSize();
        Grow(expected);
        Grow(actual);
        Assert.Equal(expected.ToByteArray(), actual.ToByteArray());
        var expectedStream = new MemoryStream();
        var actualStream = new MemoryStream();
        expected.WriteTo(expectedStream);
        actual.WriteTo(actualStream);
        Assert.Equal(expectedStream.ToArray(), actualStream.ToArray());
        var expectedBuffer = new System.Buffers.ArrayBufferWriter<byte>();
        var actualBuffer = new System.Buffers.ArrayBufferWriter<byte>();
        expected.WriteTo(expectedBuffer);
        actual.WriteTo(actualBuffer);
        Assert.Equal(expectedBuffer.WrittenSpan.ToArray(), actualBuffer.WrittenSpan.ToArray());
    }

    /// <summary>A chain of <paramref name="depth"/> children, each also holding <paramref name="width"/> leaves.</summary>
    private static IMessage Tree(System.Reflection.Assembly assembly, int depth, int width)
    {
        MessageDescriptor descriptor = GeneratedPair.FileDescriptorOf(assembly, "inkwell/tests/everything_proto3.proto")
            .MessageTypes.Single(m => m.FullName == Recursive);
        IMessage root = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
        IMessage current = root;
        for (int i = 0; i < depth; i++)
        {
            descriptor.FindFieldByName("depth").Accessor.SetValue(current, i * 1000);
            var children = (System.Collections.IList)descriptor.FindFieldByName("children").Accessor.GetValue(current);
            for (int j = 0; j < width; j++)
            {
                var leaf = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
                descriptor.FindFieldByName("depth").Accessor.SetValue(leaf, j + 1);
                children.Add(leaf);
            }
            var child = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
            descriptor.FindFieldByName("child").Accessor.SetValue(current, child);
            current = child;
        }
        return root;
    }

    /// <summary>Changes the deepest messages' sizes by adding children to them.</summary>
    private static void Grow(IMessage root)
    {
        MessageDescriptor descriptor = root.Descriptor;
        IMessage current = root;
        int level = 0;
        while (descriptor.FindFieldByName("child").Accessor.GetValue(current) is IMessage child)
        {
            if (level++ > 20)
            {
                var children = (System.Collections.IList)descriptor.FindFieldByName("children").Accessor.GetValue(child);
                var leaf = (IMessage)Activator.CreateInstance(descriptor.ClrType)!;
                descriptor.FindFieldByName("depth").Accessor.SetValue(leaf, 123456789);
                children.Add(leaf);
            }
            current = child;
        }
        descriptor.FindFieldByName("depth").Accessor.SetValue(current, int.MaxValue);
    }
}
