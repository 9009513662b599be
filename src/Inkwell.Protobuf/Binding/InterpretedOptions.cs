using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// What interpreting one file's options gave: each declaration's options message (keyed by its syntax node, which
/// stays as parsed) and the source-location rewrites protoc makes for interpreted and stripped options.
/// </summary>
internal sealed class InterpretedOptions
{
    private readonly Dictionary<ElementSyntax, ElementOptions> _elements = [];

    /// <summary>Where each interpreted option's source location moves: "path,999,i" of the uninterpreted option to the path of the field it set (protoc's UpdateSourceCodeInfo).</summary>
    public Dictionary<string, int[]> InterpretedPaths { get; } = new(StringComparer.Ordinal);

    /// <summary>Paths of options protoc strips for source retention (their locations are dropped).</summary>
    public List<int[]> StrippedPaths { get; } = [];

    /// <summary>Whether the descriptor before source-retention stripping differs from the stripped one.</summary>
    public bool HasRetainedOptions { get; private set; }

    /// <summary>The interpreted options of <paramref name="element"/> (all empty when it has none).</summary>
    public ElementOptions this[ElementSyntax element] => _elements.TryGetValue(element, out ElementOptions found) ? found : default;

    /// <summary>Records <paramref name="element"/>'s options (while the file is bound; read-only after).</summary>
    public void Add(ElementSyntax element, ElementOptions options)
    {
        if (options != default)
        {
            _elements.Add(element, options);
            HasRetainedOptions |= options.RetainedBytes is not null;
        }
    }
}
