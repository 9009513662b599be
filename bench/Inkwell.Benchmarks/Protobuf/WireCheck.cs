using Google.Protobuf.Reflection;

namespace Inkwell.Benchmarks.Protobuf;

/// <summary>
/// The setup checks that keep the serialization comparisons fair: every implementation describes the same schema and
/// writes the same bytes. A failure stops the benchmark run instead of producing a number for different work.
/// </summary>
internal static class WireCheck
{
    /// <summary>Throws unless the two byte arrays are equal, naming the first difference.</summary>
    public static void SameBytes(string what, ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        int common = expected.CommonPrefixLength(actual);
        if (common != expected.Length || common != actual.Length)
        {
            throw new InvalidOperationException(
                $"{what}: {actual.Length} bytes differ from the expected {expected.Length} at offset {common} " +
                $"(expected {Convert.ToHexString(expected[common..Math.Min(expected.Length, common + 16)])}, " +
                $"got {Convert.ToHexString(actual[common..Math.Min(actual.Length, common + 16)])}).");
        }
    }

    /// <summary>
    /// Throws unless two generated files embed the same descriptor but for csharp_namespace: the checked-in copies
    /// of a schema for protoc (Schemas/Protoc) must not drift from the schema Inkwell compiles.
    /// </summary>
    public static void SameSchema(FileDescriptor expected, FileDescriptor actual)
    {
        FileDescriptorProto left = WithoutNamespace(expected);
        FileDescriptorProto right = WithoutNamespace(actual);
        if (!left.Equals(right))
        {
            throw new InvalidOperationException(
                $"{actual.Name} differs from {expected.Name} beyond csharp_namespace:\n{left}\n{right}");
        }
    }

    private static FileDescriptorProto WithoutNamespace(FileDescriptor file)
    {
        FileDescriptorProto proto = FileDescriptorProto.Parser.ParseFrom(file.SerializedData);
        proto.Options?.ClearCsharpNamespace();
        return proto;
    }
}
