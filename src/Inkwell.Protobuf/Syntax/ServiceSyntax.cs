namespace Inkwell.Protobuf.Syntax;

/// <summary>A service declaration.</summary>
public sealed class ServiceSyntax : ElementSyntax
{
    /// <summary>The methods, in declaration order.</summary>
    public List<MethodSyntax> Methods { get; } = [];
}
