namespace Inkwell.Protobuf.Syntax;

/// <summary>What every named declaration has: a name, its full name, a position, and options.</summary>
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

    /// <summary>The fully-qualified name without a leading dot (set by the parser at the end of the file: the package may come last).</summary>
    public string FullName { get; internal set; } = "";

    internal SourceLocation? Location { get; set; }
}
