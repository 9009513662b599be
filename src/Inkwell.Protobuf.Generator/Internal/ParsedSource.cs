namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// One .proto file and its parse (<see cref="ParsedProtoFile"/>), the value of the per-file parse step: Roslyn keeps it
/// while the file's text and metadata stay the same, so the link step re-parses nothing but the files that changed.
/// Equal when the sources are (the parse follows from the text and path).
/// </summary>
/// <remarks>
/// Files to generate are parsed in the step itself. Import-only files (every .proto under an AdditionalImportDirs
/// folder, possibly thousands of which a project uses a few) are parsed on first use by a link and then kept with the value.
/// </remarks>
internal sealed class ParsedSource : IEquatable<ParsedSource>
{
    private ParsedProtoFile? _parsed;

    private ParsedSource(ProtoSource source) => Source = source;

    public ProtoSource Source { get; }

    /// <summary>The parse; computed on first use (it never throws: syntax errors are its diagnostics).</summary>
    public ParsedProtoFile Parsed => LazyInitializer.EnsureInitialized(ref _parsed, () => ParsedProtoFile.Parse(Source.Text, Source.FullPath))!;

    public static ParsedSource Create(ProtoSource source, CancellationToken cancellationToken)
    {
        var parsed = new ParsedSource(source);
        if (source.Kind == ProtoSourceKind.Generate)
        {
            parsed._parsed = ParsedProtoFile.Parse(source.Text, source.FullPath, cancellationToken: cancellationToken);
        }

        return parsed;
    }

    public bool Equals(ParsedSource? other) => ReferenceEquals(this, other) || other is not null && Source.Equals(other.Source);

    public override bool Equals(object? obj) => Equals(obj as ParsedSource);

    public override int GetHashCode() => Source.GetHashCode();

    public override string ToString() => Source.FullPath;
}
