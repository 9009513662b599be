namespace Inkwell.Protobuf.Syntax;

internal sealed partial class Parser
{
    /// <summary>A field as read so far; <see cref="Build"/> makes the <see cref="FieldSyntax"/> once it is read.</summary>
    private struct FieldParts()
    {
        public string Name = "";
        public TextPosition NamePosition;
        public int Number;
        public TextPosition NumberPosition;
        public FieldLabel Label;
        public TextPosition LabelPosition = TextPosition.None;
        public FieldType Type;
        public TextPosition TypePosition;
        public string? TypeName;
        public string? Extendee;
        public TextPosition ExtendeePosition;
        public string? DefaultValue;
        public TextPosition DefaultValuePosition;
        public string? JsonName;
        public TextPosition JsonNamePosition;
        public int? OneofIndex;
        public bool Proto3Optional;
        public bool IsMap;
        public int TypeOffset = -1;
        public int NameOffset = -1;
        public int OptionsOffset = -1;
        public int OptionsEndOffset = -1;
        public List<OptionSyntax> Options = [];

        public readonly FieldSyntax Build(SourceLocation? location) => new()
        {
            Name = Name,
            NamePosition = NamePosition,
            Number = Number,
            NumberPosition = NumberPosition,
            Label = Label,
            LabelPosition = LabelPosition,
            Type = Type,
            TypePosition = TypePosition,
            TypeName = TypeName,
            Extendee = Extendee,
            ExtendeePosition = ExtendeePosition,
            DefaultValue = DefaultValue,
            DefaultValuePosition = DefaultValuePosition,
            JsonName = JsonName,
            JsonNamePosition = JsonNamePosition,
            OneofIndex = OneofIndex,
            Proto3Optional = Proto3Optional,
            IsMap = IsMap,
            TypeOffset = TypeOffset,
            NameOffset = NameOffset,
            OptionsOffset = OptionsOffset,
            OptionsEndOffset = OptionsEndOffset,
            Options = Options,
            Location = location,
        };
    }
}
