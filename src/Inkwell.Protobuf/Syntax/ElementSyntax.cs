namespace Inkwell.Protobuf.Syntax;

/// <summary>What every named declaration has: a name, a position, options, and the name the binder gives it.</summary>
internal abstract class ElementSyntax
{
    /// <summary>The declared name.</summary>
    public string Name { get; set; } = "";

    /// <summary>Where the name is written.</summary>
    public TextPosition NamePosition { get; set; }

    /// <summary>The options as written, in order.</summary>
    public List<OptionSyntax> Options { get; } = [];

    /// <summary>Whether the declaration has an options message at all (protoc writes an empty one for <c>rpc … {}</c>).</summary>
    public bool HasOptions { get; set; }

    /// <summary>The fully-qualified name without a leading dot, set by the binder.</summary>
    public string FullName { get; internal set; } = "";

    /// <summary>The serialized options message, set by the binder when it interprets <see cref="Options"/>.</summary>
    internal byte[]? OptionsBytes { get; set; }

    /// <summary>Whether the options held only source-retention options, which protoc strips with the whole message.</summary>
    internal bool OptionsDropped { get; set; }

    /// <summary>
    /// The options message before source-retention stripping, as protoc holds it (<c>--retain_options</c>, a plugin's
    /// <c>source_file_descriptors</c>); null when those are the same bytes as <see cref="OptionsBytes"/>.
    /// </summary>
    internal byte[]? RetainedOptionsBytes { get; set; }

    internal SourceLocation? Location { get; set; }
}
