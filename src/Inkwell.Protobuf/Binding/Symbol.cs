using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>A named thing in the compilation: what it is, where it was declared, and its syntax node.</summary>
/// <param name="Kind">What the name refers to.</param>
/// <param name="FullName">The fully-qualified name without a leading dot.</param>
/// <param name="File">The file that declares it (for packages: the first file seen with it).</param>
/// <param name="Node">The declaration (null for packages).</param>
internal sealed record Symbol(SymbolKind Kind, string FullName, BoundFile File, ElementSyntax? Node)
{
    /// <summary>Whether names can be looked up inside this symbol.</summary>
    public bool IsAggregate => Kind is SymbolKind.Package or SymbolKind.Message or SymbolKind.Enum or SymbolKind.Service;

    /// <summary>Whether this symbol can be a field's type.</summary>
    public bool IsType => Kind is SymbolKind.Message or SymbolKind.Enum;
}
