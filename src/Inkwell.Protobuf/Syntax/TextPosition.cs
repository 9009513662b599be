namespace Inkwell.Protobuf.Syntax;

/// <summary>A zero-based line and tab-expanded column in a .proto file, as protoc counts them.</summary>
/// <param name="Line">The zero-based line.</param>
/// <param name="Column">The zero-based column (tabs advance to the next multiple of eight).</param>
internal readonly record struct TextPosition(int Line, int Column)
{
    /// <summary>No position: errors at it print without line and column, as protoc does.</summary>
    public static TextPosition None => new(-1, 0);

    internal static TextPosition Of(Token token) => new(token.Line, token.Column);
}
