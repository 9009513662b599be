namespace Inkwell.Protobuf.Syntax;

/// <summary>A field or extension declaration (also the field half of a group or map).</summary>
internal sealed class FieldSyntax : ElementSyntax
{
    /// <summary>The field number.</summary>
    public int Number { get; init; }

    /// <summary>The label, or <see cref="FieldLabel.None"/> when none was written and none is implied.</summary>
    public FieldLabel Label { get; init; }

    /// <summary>The scalar type, <see cref="FieldType.Group"/>, or <see cref="FieldType.None"/> for a named type.</summary>
    public FieldType Type { get; init; }

    /// <summary>The type name as written, for message, enum, group and map fields.</summary>
    public string? TypeName { get; init; }

    /// <summary>The extended message's name as written, for extensions.</summary>
    public string? Extendee { get; init; }

    /// <summary>The default value as protoc's parser normalizes it.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>The explicit <c>json_name</c>.</summary>
    public string? JsonName { get; init; }

    /// <summary>The index of the containing oneof (real or synthetic).</summary>
    public int? OneofIndex
    {
        get => _oneofIndex;
        init => _oneofIndex = value;
    }

    private int? _oneofIndex;

    /// <summary>Whether this is a proto3 <c>optional</c> field (it gets a synthetic oneof).</summary>
    public bool Proto3Optional { get; init; }

    /// <summary>Whether this field was written as <c>map&lt;K, V&gt;</c>.</summary>
    public bool IsMap { get; init; }

    /// <summary>Where the label is written, or <see cref="TextPosition.None"/> when none was.</summary>
    public TextPosition LabelPosition { get; init; } = TextPosition.None;

    /// <summary>Where the field number is written.</summary>
    public TextPosition NumberPosition { get; init; }

    /// <summary>Where the type is written.</summary>
    public TextPosition TypePosition { get; init; }

    /// <summary>Where the extendee is written.</summary>
    public TextPosition ExtendeePosition { get; init; }

    /// <summary>Where the default value is written.</summary>
    public TextPosition DefaultValuePosition { get; init; }

    /// <summary>Where <c>json_name</c> is written.</summary>
    public TextPosition JsonNamePosition { get; init; }

    /// <summary>Where the written type starts in the source text (for the inheritance lowering's edits).</summary>
    internal int TypeOffset { get; init; } = -1;

    /// <summary>Where the field's name starts in the source text.</summary>
    internal int NameOffset { get; init; } = -1;

    /// <summary>Just after the <c>[</c> of the field's options, or -1 when it has none.</summary>
    internal int OptionsOffset { get; init; } = -1;

    /// <summary>Where the token after the options (<c>;</c>, or a group's <c>{</c>) starts.</summary>
    internal int OptionsEndOffset { get; init; } = -1;

    /// <summary>
    /// Whether a repeated scalar of this field is packed when no <c>packed</c> option says otherwise. Set with
    /// <see cref="ElementSyntax.FullName"/> once the file is read: the file's options, which may come last, decide it.
    /// </summary>
    public bool IsPackedByDefault { get; internal set; }

    /// <summary>The JSON name protoc writes: the explicit one, else computed from the name (once, on first use).</summary>
    public string DescriptorJsonName => _descriptorJsonName ??= JsonName ?? JsonNames.Default(Name);

    private string? _descriptorJsonName;

    /// <summary>
    /// This field as the member of the oneof at <paramref name="oneofIndex"/>: a proto3 <c>optional</c> field's
    /// synthetic oneof is numbered after every real oneof of its message, known only at the message's end.
    /// </summary>
    internal FieldSyntax InOneof(int oneofIndex)
    {
        var copy = (FieldSyntax)MemberwiseClone();
        copy._oneofIndex = oneofIndex;
        return copy;
    }
}
