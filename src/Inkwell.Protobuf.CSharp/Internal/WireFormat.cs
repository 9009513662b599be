using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.CSharp.Internal;

/// <summary>Wire types and tags, for the tag constants the generated code switches on.</summary>
internal static class WireFormat
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int StartGroup = 3;
    public const int EndGroup = 4;
    public const int Fixed32 = 5;

    public static uint MakeTag(int number, int wireType) => ((uint)number << 3) | (uint)wireType;

    public static int WireTypeOf(FieldType type, bool packed)
    {
        if (packed)
        {
            return LengthDelimited;
        }
        return type switch
        {
            FieldType.Double or FieldType.Fixed64 or FieldType.Sfixed64 => Fixed64,
            FieldType.Float or FieldType.Fixed32 or FieldType.Sfixed32 => Fixed32,
            FieldType.String or FieldType.Bytes or FieldType.Message => LengthDelimited,
            FieldType.Group => StartGroup,
            _ => Varint,
        };
    }
}
