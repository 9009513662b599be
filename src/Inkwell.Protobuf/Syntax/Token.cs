namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// One token with its position. Lines and columns are zero-based like protoc's; columns expand tabs
/// to the next multiple of eight, which is what protoc writes into source code info.
/// </summary>
/// <param name="Kind">What kind of token this is.</param>
/// <param name="Text">The token's text exactly as written (string literals keep their quotes and escapes).</param>
/// <param name="Line">The zero-based line the token starts on.</param>
/// <param name="Column">The zero-based column the token starts at.</param>
/// <param name="EndColumn">The zero-based column just past the token's last character.</param>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, int EndColumn)
{
    /// <summary>The zero-based offset of the token's first character in the file's text (for source rewriting).</summary>
    public int Offset { get; init; }

    /// <summary>The offset just past the token's last character.</summary>
    public int EndOffset => Offset + Text.Length;

    /// <summary>Whether this token is the symbol or identifier <paramref name="text"/>.</summary>
    public bool Is(string text) => Kind != TokenKind.String && Kind != TokenKind.EndOfFile && Text == text;
}
