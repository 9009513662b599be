namespace Inkwell.Protobuf.Syntax;

/// <summary>An <c>rpc</c> declaration.</summary>
internal sealed class MethodSyntax : ElementSyntax
{
    /// <summary>The request type as written.</summary>
    public string InputType { get; init; } = "";

    /// <summary>The response type as written.</summary>
    public string OutputType { get; init; } = "";

    /// <summary>Whether the request is a stream.</summary>
    public bool ClientStreaming { get; init; }

    /// <summary>Whether the response is a stream.</summary>
    public bool ServerStreaming { get; init; }

    /// <summary>Where the request type is written.</summary>
    public TextPosition InputTypePosition { get; init; }

    /// <summary>Where the response type is written.</summary>
    public TextPosition OutputTypePosition { get; init; }
}
