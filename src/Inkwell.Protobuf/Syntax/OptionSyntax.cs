namespace Inkwell.Protobuf.Syntax;

/// <summary>An option as written (protoc's UninterpretedOption): its name parts and its value.</summary>
internal sealed class OptionSyntax
{
    /// <summary>The dot-separated parts of the name.</summary>
    public List<OptionNamePart> Name { get; } = [];

    /// <summary>How the value was written.</summary>
    public OptionValueKind Kind { get; set; }

    /// <summary>The identifier, for <see cref="OptionValueKind.Identifier"/>.</summary>
    public string Identifier { get; set; } = "";

    /// <summary>The value, for <see cref="OptionValueKind.PositiveInteger"/>.</summary>
    public ulong PositiveInteger { get; set; }

    /// <summary>The value, for <see cref="OptionValueKind.NegativeInteger"/>.</summary>
    public long NegativeInteger { get; set; }

    /// <summary>The value, for <see cref="OptionValueKind.Double"/>.</summary>
    public double Double { get; set; }

    /// <summary>The unescaped bytes, for <see cref="OptionValueKind.String"/>.</summary>
    public byte[] String { get; set; } = [];

    /// <summary>The tokens between the braces joined by single spaces, for <see cref="OptionValueKind.Aggregate"/>.</summary>
    public string Aggregate { get; set; } = "";

    /// <summary>Where the name starts.</summary>
    public TextPosition NamePosition { get; set; }

    /// <summary>Where the value starts.</summary>
    public TextPosition ValuePosition { get; set; }

    /// <summary>The name as protoc prints it in errors, e.g. <c>(foo.bar).baz</c>.</summary>
    public string DisplayName => string.Join(".", Name.Select(p => p.IsExtension ? "(" + p.Name + ")" : p.Name));

    internal SourceLocation? Location { get; set; }
}
