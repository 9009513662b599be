namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// Hierarchy classes under <c>GOOGLE_PROTOBUF_REFSTRUCT_COMPATIBILITY_MODE</c>, the symbol with which protoc's C# leaves
/// out everything that names a ref struct (<c>IBufferMessage</c>, ParseContext, WriteContext, spans) for compilers
/// that have none. Each member that reads or writes a level is written twice: with the ref-struct context in the
/// usual build, and with <c>CodedInputStream</c> / <c>CodedOutputStream</c> in the compatibility build, which
/// writes the same bytes (it computes each level's size as it writes, as protoc's code does without a size cache).
/// </summary>
internal sealed partial class MessageEmitter
{
    private const string RefStructCompatibilityMode = "GOOGLE_PROTOBUF_REFSTRUCT_COMPATIBILITY_MODE";

    /// <summary>Writes a member for the usual build (<c>true</c>: ref-struct contexts) and for the compatibility build.</summary>
    private void WriteForEitherContext(System.Action<bool> writeMember)
    {
        W.Line("#if !" + RefStructCompatibilityMode);
        writeMember(true);
        W.Line("#else");
        writeMember(false);
        W.Line("#endif");
    }

    /// <summary>A line that only the usual build compiles (a ref-struct fast path).</summary>
    private void WriteOutsideCompatibilityMode(string line)
    {
        W.Line("#if !" + RefStructCompatibilityMode);
        W.Line(line);
        W.Line("#endif");
    }

    private static string ParseParameter(bool useParseContext) => useParseContext ? "ref pb::ParseContext input" : "pb::CodedInputStream input";

    private static string WriteParameter(bool useWriteContext) => useWriteContext ? "ref pb::WriteContext output" : "pb::CodedOutputStream output";

    private static string RefIf(bool useContext) => useContext ? "ref " : "";

    /// <summary>The compatibility build computes sizes as it writes, so its subtype writers take no <c>sizesCached</c>.</summary>
    private static string WriteSubtypeParameters(bool useWriteContext) =>
        useWriteContext ? WriteParameter(true) + ", bool sizesCached" : WriteParameter(false);
}
