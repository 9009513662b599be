namespace Inkwell.Protobuf.Syntax;

/// <summary>A service declaration.</summary>
internal sealed class ServiceSyntax : ElementSyntax
{
    /// <summary>The methods, in declaration order.</summary>
    public List<MethodSyntax> Methods { get => field ??= []; init; }
}
