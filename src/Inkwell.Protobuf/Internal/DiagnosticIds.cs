namespace Inkwell.Protobuf.Internal;

/// <summary>
/// The stable ids of the compiler's diagnostics (<see cref="Diagnostic.Id"/>), one per stage that finds a problem:
/// the message text is protoc's and says what exactly. The ids below 100 belong to the source generator; docs/diagnostics.md
/// lists both, and a test checks that the page and the code name the same ids.
/// </summary>
internal static class DiagnosticIds
{
    /// <summary>A file or one of its imports was not found, failed, or imports itself.</summary>
    public const string FileNotLoaded = "IWP101";

    /// <summary>The text is not valid .proto syntax (lexer and parser).</summary>
    public const string SyntaxError = "IWP102";

    /// <summary>Valid syntax that protoc warns about (no <c>syntax</c> statement, …).</summary>
    public const string SyntaxWarning = "IWP103";

    /// <summary>Names, types, numbers or options that do not check out (binding, option interpretation, validation).</summary>
    public const string SemanticError = "IWP104";

    /// <summary>A definition protoc accepts with a warning.</summary>
    public const string SemanticWarning = "IWP105";

    /// <summary>An import none of whose definitions the file uses.</summary>
    public const string UnusedImport = "IWP106";

    /// <summary>A message-inheritance declaration that cannot be lowered (subtype tags, ranges, encodings).</summary>
    public const string InheritanceError = "IWP107";

    /// <summary>Text-format input (<c>inkwell protoc --encode</c>, <see cref="TextFormatParser"/>) that does not parse as its message type.</summary>
    public const string TextFormatError = "IWP108";

    /// <summary>Text-format input protoc accepts with a warning (a deprecated field set).</summary>
    public const string TextFormatWarning = "IWP109";

    /// <summary>The parser's id for a problem of <paramref name="severity"/>.</summary>
    public static string Syntax(DiagnosticSeverity severity) => severity == DiagnosticSeverity.Error ? SyntaxError : SyntaxWarning;

    /// <summary>The binder's id for a problem of <paramref name="severity"/>.</summary>
    public static string Semantic(DiagnosticSeverity severity) => severity == DiagnosticSeverity.Error ? SemanticError : SemanticWarning;
}
