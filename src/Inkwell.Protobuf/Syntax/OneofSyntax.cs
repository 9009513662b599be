namespace Inkwell.Protobuf.Syntax;

/// <summary>A <c>oneof</c> declaration, or the synthetic oneof of a proto3 <c>optional</c> field.</summary>
internal sealed class OneofSyntax : ElementSyntax
{
    /// <summary>Whether the parser made this oneof for a proto3 <c>optional</c> field.</summary>
    public bool IsSynthetic { get; init; }
}
