namespace Inkwell.Protobuf.Syntax;

/// <summary>Whether an option is a statement (<c>option x = 1;</c>) or a bracketed assignment (<c>[x = 1]</c>).</summary>
internal enum OptionStyle
{
    Statement,
    Assignment,
}
