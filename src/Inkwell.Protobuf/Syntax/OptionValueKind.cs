namespace Inkwell.Protobuf.Syntax;

/// <summary>How an option's value was written.</summary>
internal enum OptionValueKind
{
    /// <summary>An identifier such as <c>true</c> or an enum value name.</summary>
    Identifier,

    /// <summary>A non-negative integer.</summary>
    PositiveInteger,

    /// <summary>A negative integer.</summary>
    NegativeInteger,

    /// <summary>A floating-point number (also <c>-inf</c>, <c>-nan</c>, and integers too large for 64 bits).</summary>
    Double,

    /// <summary>A string literal (adjacent literals concatenated).</summary>
    String,

    /// <summary>A text-format message in braces.</summary>
    Aggregate,
}
