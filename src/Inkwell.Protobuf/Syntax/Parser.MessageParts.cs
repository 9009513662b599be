namespace Inkwell.Protobuf.Syntax;

internal sealed partial class Parser
{
    /// <summary>
    /// A message (or group) as read so far: its statements fill these lists, then <see cref="Build"/> makes the
    /// <see cref="MessageSyntax"/> from them.
    /// </summary>
    private sealed class MessageParts
    {
        public string Name = "";
        public TextPosition NamePosition;
        public InheritanceSyntax? Inheritance;
        public SubtypesSyntax? Subtypes;
        public int CloseBraceOffset = -1;
        public readonly List<FieldSyntax> Fields = [];
        public readonly List<MessageSyntax> NestedTypes = [];
        public readonly List<EnumSyntax> Enums = [];
        public readonly List<RangeSyntax> ExtensionRanges = [];
        public readonly List<FieldSyntax> Extensions = [];
        public readonly List<OneofSyntax> Oneofs = [];
        public readonly List<RangeSyntax> ReservedRanges = [];
        public readonly List<ReservedNameSyntax> ReservedNames = [];
        public readonly List<OptionSyntax> Options = [];

        public MessageSyntax Build(SymbolVisibility visibility, SourceLocation? location, bool isGroup = false) => new()
        {
            Name = Name,
            NamePosition = NamePosition,
            Visibility = visibility,
            Location = location,
            IsGroup = isGroup,
            Inheritance = Inheritance,
            Subtypes = Subtypes,
            CloseBraceOffset = CloseBraceOffset,
            Options = Options,
            Fields = Fields,
            NestedTypes = NestedTypes,
            Enums = Enums,
            ExtensionRanges = ExtensionRanges,
            Extensions = Extensions,
            Oneofs = Oneofs,
            ReservedRanges = ReservedRanges,
            ReservedNames = ReservedNames,
        };
    }
}
