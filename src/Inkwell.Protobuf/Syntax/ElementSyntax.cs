namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// What every named declaration has: a name, its full name, a position, and options.
/// </summary>
/// <remarks>
/// Syntax nodes are read-only once parsed: the parser reads a declaration (its children first) and only then constructs
/// its node, and what the binder works out lives in its own model (<c>BoundFile</c>), never here. The child lists are
/// the lists the parser filled; they stay <see cref="List{T}"/> so that the binder's many loops over them use the
/// struct enumerator (an <c>IReadOnlyList</c> would allocate one per loop), and nothing adds to them after parsing. A list
/// the parser does not hand over is made empty on first read, not at construction, so no list is made to be replaced.
/// </remarks>
internal abstract class ElementSyntax
{
    private readonly bool _hasOptions;

    /// <summary>The declared name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Where the name is written.</summary>
    public TextPosition NamePosition { get; init; }

    /// <summary>The options as written, in order.</summary>
    public List<OptionSyntax> Options { get => field ??= []; init; }

    /// <summary>
    /// Whether the declaration has an options message at all: it has when any option is written, and protoc also
    /// writes an empty one for <c>rpc … {}</c>.
    /// </summary>
    public bool HasOptions
    {
        get => _hasOptions || Options.Count > 0;
        init => _hasOptions = value;
    }

    /// <summary>
    /// The fully-qualified name without a leading dot. The one value set after construction: it needs the package,
    /// which may be declared after the declarations it applies to, so the parser names every declaration once the whole
    /// file is read (<c>Parser.Names.cs</c>) and nothing writes it after that.
    /// </summary>
    public string FullName { get; internal set; } = "";

    internal SourceLocation? Location { get; init; }
}
