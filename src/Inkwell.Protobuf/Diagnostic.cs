namespace Inkwell.Protobuf;

/// <summary>An error or warning with its location, worded as protoc words it.</summary>
/// <param name="Id">
/// The stable id of the kind of problem (the compiler's range starts at <c>IWP101</c>; docs/diagnostics.md lists them): what the source
/// generator reports it as and what to suppress. Not part of <see cref="Format"/>, which prints protoc's text.
/// </param>
/// <param name="File">The file's name as given to the compiler (or the import path), or empty.</param>
/// <param name="Line">The one-based line, or 0 when the message has no position.</param>
/// <param name="Column">The one-based column (tabs expanded to multiples of 8), or 0 when there is no position.</param>
/// <param name="Message">protoc's text for the problem.</param>
/// <param name="Severity">Error or warning.</param>
public sealed record Diagnostic(string Id, string File, int Line, int Column, string Message, DiagnosticSeverity Severity)
{
    /// <summary>Formats the diagnostic as protoc prints it.</summary>
    public string Format(ErrorFormat format = ErrorFormat.Gcc)
    {
        bool warning = Severity == DiagnosticSeverity.Warning;
        if (Line <= 0)
        {
            string prefix = File.Length == 0 ? "" : File + ": ";
            return prefix + (warning ? "warning: " : "") + Message;
        }

        return format == ErrorFormat.Msvs
            ? $"{File}({Line}) : {(warning ? "warning" : "error")} in column={Column}: {Message}"
            : $"{File}:{Line}:{Column}: {(warning ? "warning: " : "")}{Message}";
    }

    /// <inheritdoc/>
    public override string ToString() => Format();
}
