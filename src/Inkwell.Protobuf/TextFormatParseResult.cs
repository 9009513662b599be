namespace Inkwell.Protobuf;

/// <summary>What <see cref="TextFormatParser.Parse"/> read: the binary message, or the errors that stopped it.</summary>
public sealed class TextFormatParseResult
{
    internal TextFormatParseResult(byte[]? message, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string> missingRequiredFields)
    {
        Message = message ?? [];
        Success = message is not null;
        Diagnostics = diagnostics;
        MissingRequiredFields = missingRequiredFields;
    }

    /// <summary>Whether the text parsed (warnings aside); protoc then writes <see cref="Message"/>.</summary>
    public bool Success { get; }

    /// <summary>The message in the binary wire format, as protoc writes it; empty when the text did not parse.</summary>
    public byte[] Message { get; }

    /// <summary>
    /// The errors and warnings in protoc's order, located in a file named <c>input</c> (protoc's name for standard
    /// input): the first parser error ends the reading; tokenizer errors before it are all reported.
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// The required fields the text did not set, named and ordered as protoc's
    /// <c>warning:  Input message is missing required fields:  …</c> names them; protoc writes such a message anyway.
    /// </summary>
    public IReadOnlyList<string> MissingRequiredFields { get; }
}
