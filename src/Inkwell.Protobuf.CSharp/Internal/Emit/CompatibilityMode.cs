namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// The one place that writes <c>#if</c> lines around ref-struct code. <c>GOOGLE_PROTOBUF_REFSTRUCT_COMPATIBILITY_MODE</c>
/// is the symbol with which protoc's C# leaves out everything that names a ref struct (<c>IBufferMessage</c>,
/// ParseContext, WriteContext, spans) for compilers that have none. Generated code therefore has a usual build (with
/// the ref-struct contexts) and a compatibility build (with <c>CodedInputStream</c> / <c>CodedOutputStream</c>, which
/// read and write the same bytes).
/// </summary>
internal static class CompatibilityMode
{
    private const string Symbol = "GOOGLE_PROTOBUF_REFSTRUCT_COMPATIBILITY_MODE";

    private const string UsualBuild = "#if !" + Symbol;

    /// <summary>Lines that only the usual build compiles (members that name a ref struct).</summary>
    public static void WriteUsualBuildOnly(this CodeWriter writer, System.Action writeLines)
    {
        writer.Line(UsualBuild);
        writeLines();
        writer.Line("#endif");
    }

    /// <summary>One line that only the usual build compiles.</summary>
    public static void WriteUsualBuildOnly(this CodeWriter writer, string line) =>
        writer.WriteUsualBuildOnly(() => writer.Line(line));

    /// <summary>
    /// A member written once per build: <paramref name="writeMember"/> gets <c>true</c> for the usual build (ref-struct
    /// contexts) and <c>false</c> for the compatibility build.
    /// </summary>
    public static void WriteForEachBuild(this CodeWriter writer, System.Action<bool> writeMember)
    {
        writer.Line(UsualBuild);
        writeMember(true);
        writer.Line("#else");
        writeMember(false);
        writer.Line("#endif");
    }

    /// <summary>
    /// A method body written once per build, its directives at the method's own indentation as protoc writes them:
    /// the usual build hands the call to the ref-struct context, the compatibility build does the work itself.
    /// </summary>
    public static void WriteBodyForEachBuild(this CodeWriter writer, string usualBuildLine, System.Action writeCompatibilityBody)
    {
        WriteDirective(writer, UsualBuild);
        writer.Line(usualBuildLine);
        WriteDirective(writer, "#else");
        writeCompatibilityBody();
        WriteDirective(writer, "#endif");
    }

    private static void WriteDirective(CodeWriter writer, string directive)
    {
        writer.Outdent();
        writer.Line(directive);
        writer.Indent();
    }

    /// <summary>The parameter of a member that reads: the usual build's ParseContext or the compatibility build's stream.</summary>
    public static string ParseParameter(bool useParseContext) => useParseContext ? "ref pb::ParseContext input" : "pb::CodedInputStream input";

    /// <summary>The parameter of a member that writes: the usual build's WriteContext or the compatibility build's stream.</summary>
    public static string WriteParameter(bool useWriteContext) => useWriteContext ? "ref pb::WriteContext output" : "pb::CodedOutputStream output";

    /// <summary>How an argument that is a context is passed: by reference in the usual build.</summary>
    public static string RefIf(bool useContext) => useContext ? "ref " : "";
}
