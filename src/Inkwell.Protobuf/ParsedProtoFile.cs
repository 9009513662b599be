using Inkwell.Protobuf.Internal;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf;

/// <summary>
/// One .proto file parsed on its own, before linking: the first half of <see cref="ProtoCompiler.Compile(IEnumerable{string}, IProtoFileResolver, ProtoCompilerOptions, CancellationToken)"/>,
/// for callers that keep parses across compilations (an IDE, an incremental source generator) and hand them to
/// <see cref="ProtoCompiler.Link"/>, which then parses only what it is not given.
/// </summary>
/// <remarks>
/// Safe to share between threads and compilations: the syntax tree is written only by the parser, and linking keeps
/// what binding finds in a bound model of its own. Two instances are equal when they were parsed from the same text with the same display path and source info
/// setting, which is everything the parse depends on, so equal instances always link to the same result. The import
/// name is not part of it: linking gives the file the name it is imported by.
/// </remarks>
public sealed class ParsedProtoFile : IEquatable<ParsedProtoFile>
{
    private readonly FileSyntax _syntax;

    private ParsedProtoFile(string text, string displayPath, bool hasSourceInfo, FileSyntax syntax, IReadOnlyList<Diagnostic> diagnostics, bool success)
    {
        Text = text;
        DisplayPath = displayPath;
        HasSourceInfo = hasSourceInfo;
        _syntax = syntax;
        Diagnostics = diagnostics;
        Success = success;
        Imports = [.. syntax.Imports.Select(i => i.Path)];
    }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    /// <summary>The path diagnostics show for the file (protoc shows the path on disk).</summary>
    public string DisplayPath { get; }

    /// <summary>Whether source locations and comments were recorded (<see cref="ProtoCompilerOptions.SourceInfo"/>).</summary>
    public bool HasSourceInfo { get; }

    /// <summary>The syntax errors and warnings, located at <see cref="DisplayPath"/>.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether the file parsed without errors (linking a file that did not fails, like compiling it).</summary>
    public bool Success { get; }

    /// <summary>The import names the file imports, in order (any kind: plain, public, weak, option).</summary>
    public IReadOnlyList<string> Imports { get; }

    /// <summary>Parses <paramref name="text"/>. Never throws on bad input: syntax errors are in <see cref="Diagnostics"/>.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="displayPath">The path diagnostics show (protoc shows the path on disk).</param>
    /// <param name="options">Whether to record source info; default as <see cref="ProtoCompilerOptions"/>'s.</param>
    /// <param name="cancellationToken">Cancels the parse.</param>
    public static ParsedProtoFile Parse(string text, string displayPath, ProtoCompilerOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (text is null || displayPath is null)
        {
            throw new ArgumentNullException(text is null ? nameof(text) : nameof(displayPath));
        }

        cancellationToken.ThrowIfCancellationRequested();
        bool sourceInfo = options?.SourceInfo ?? true;
        var diagnostics = new List<Diagnostic>();
        FileSyntax syntax = Parser.Parse(text, displayPath, (line, column, message, severity) =>
            diagnostics.Add(new Diagnostic(DiagnosticIds.Syntax(severity), displayPath, line + 1, column + 1, message, severity)), out bool hadErrors, sourceInfo);
        return new ParsedProtoFile(text, displayPath, sourceInfo, syntax, diagnostics, !hadErrors);
    }

    /// <summary>The kept tree itself, for a session to bind (binding only reads it), with the parse's diagnostics.</summary>
    internal ParsedFile ToParsedFile() => new(_syntax, DisplayPath, [.. Diagnostics], HadErrors: !Success);

    /// <inheritdoc/>
    public bool Equals(ParsedProtoFile? other) =>
        ReferenceEquals(this, other) ||
        other is not null && HasSourceInfo == other.HasSourceInfo && DisplayPath == other.DisplayPath && Text == other.Text;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as ParsedProtoFile);

    /// <inheritdoc/>
    public override int GetHashCode() => (StringComparer.Ordinal.GetHashCode(DisplayPath) * 31 + Text.Length) * 2 + (HasSourceInfo ? 1 : 0);

    /// <inheritdoc/>
    public override string ToString() => DisplayPath;
}
