namespace Inkwell.Protobuf.Syntax;

/// <summary>An option as written (protoc's UninterpretedOption): its name parts and its value.</summary>
internal sealed class OptionSyntax
{
    /// <summary>The dot-separated parts of the name.</summary>
    public List<OptionNamePart> Name { get => field ??= []; init; }

    /// <summary>How the value was written.</summary>
    public OptionValueKind Kind { get; init; }

    /// <summary>The identifier, for <see cref="OptionValueKind.Identifier"/>.</summary>
    public string Identifier { get; init; } = "";

    /// <summary>The value, for <see cref="OptionValueKind.PositiveInteger"/>.</summary>
    public ulong PositiveInteger { get; init; }

    /// <summary>The value, for <see cref="OptionValueKind.NegativeInteger"/>.</summary>
    public long NegativeInteger { get; init; }

    /// <summary>The value, for <see cref="OptionValueKind.Double"/>.</summary>
    public double Double { get; init; }

    /// <summary>The unescaped bytes, for <see cref="OptionValueKind.String"/>.</summary>
    public byte[] String { get => field ??= []; init; }

    /// <summary>The tokens between the braces joined by single spaces, for <see cref="OptionValueKind.Aggregate"/>.</summary>
    public string Aggregate { get; init; } = "";

    /// <summary>Where the name starts.</summary>
    public TextPosition NamePosition { get; init; }

    /// <summary>Where the value starts.</summary>
    public TextPosition ValuePosition { get; init; }

    /// <summary>The name as protoc prints it in errors, e.g. <c>(foo.bar).baz</c>.</summary>
    public string DisplayName => string.Join(".", Name.Select(p => p.IsExtension ? "(" + p.Name + ")" : p.Name));

    internal SourceLocation? Location { get; init; }
}
