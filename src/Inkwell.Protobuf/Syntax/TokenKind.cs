namespace Inkwell.Protobuf.Syntax;

/// <summary>The kinds of token protoc's tokenizer produces.</summary>
internal enum TokenKind
{
    /// <summary>The end of the input.</summary>
    EndOfFile,

    /// <summary>A letter or underscore followed by letters, digits and underscores.</summary>
    Identifier,

    /// <summary>A decimal, hexadecimal or octal integer literal.</summary>
    Integer,

    /// <summary>A floating-point literal.</summary>
    Float,

    /// <summary>A single- or double-quoted string literal (still escaped).</summary>
    String,

    /// <summary>Any other single printable character.</summary>
    Symbol,
}
