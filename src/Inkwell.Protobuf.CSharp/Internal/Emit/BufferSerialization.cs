namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// The one place that writes the <c>#if</c> lines of a gRPC service's marshallers. grpc_csharp_plugin guards the
/// <c>IBufferMessage</c> fast path (serializing into the call's buffer writer, parsing from its read-only sequence)
/// with <c>GRPC_DISABLE_PROTOBUF_BUFFER_SERIALIZATION</c>, so a project defining that symbol falls back to byte
/// arrays; the generated text must match the plugin's, so the directive is written exactly as it writes it.
/// </summary>
internal static class BufferSerialization
{
    private const string Symbol = "GRPC_DISABLE_PROTOBUF_BUFFER_SERIALIZATION";

    /// <summary>Lines that only a build with buffer serialization compiles (the <c>IBufferMessage</c> fast path).</summary>
    public static void WriteBufferSerializationOnly(this CodeWriter writer, System.Action writeLines)
    {
        writer.Line("#if !" + Symbol);
        writeLines();
        writer.Line("#endif");
    }
}
