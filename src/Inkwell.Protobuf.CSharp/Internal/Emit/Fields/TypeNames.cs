using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Inkwell.Internal;
using Inkwell.Protobuf.CSharp.Internal.Model;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>C# type names, method-name fragments, tags and default-value literals for fields.</summary>
internal static class TypeNames
{
    public static string Of(ProtoField field) => field.Type switch
    {
        FieldType.Message or FieldType.Group => field.IsWrapperType ? WrapperTypeName(field.MessageType!) : field.MessageType!.ClassName,
        FieldType.Enum => field.EnumType!.ClassName,
        _ => Scalar(field.Type),
    };

    public static string Scalar(FieldType type) => type switch
    {
        FieldType.Int32 or FieldType.Sint32 or FieldType.Sfixed32 => "int",
        FieldType.Int64 or FieldType.Sint64 or FieldType.Sfixed64 => "long",
        FieldType.Uint32 or FieldType.Fixed32 => "uint",
        FieldType.Uint64 or FieldType.Fixed64 => "ulong",
        FieldType.Float => "float",
        FieldType.Double => "double",
        FieldType.Bool => "bool",
        FieldType.String => "string",
        FieldType.Bytes => "pb::ByteString",
        _ => throw new InvalidOperationException("Not a scalar type: " + type),
    };

    /// <summary>The type of a wrapper field: the wrapped value, nullable (<c>int?</c>, <c>string</c>).</summary>
    public static string WrapperTypeName(ProtoMessage wrapper)
    {
        FieldType valueType = WrappedType(wrapper);
        string name = Scalar(valueType);
        return valueType is FieldType.String or FieldType.Bytes ? name : name + "?";
    }

    public static FieldType WrappedType(ProtoMessage wrapper) => wrapper.Proto.Field[0].Type;

    /// <summary>The fragment in <c>Write…</c>, <c>Read…</c>, <c>Compute…Size</c> and <c>FieldCodec.For…</c>.</summary>
    public static string Capitalized(FieldType type) => type switch
    {
        FieldType.Int32 => "Int32",
        FieldType.Int64 => "Int64",
        FieldType.Uint32 => "UInt32",
        FieldType.Uint64 => "UInt64",
        FieldType.Sint32 => "SInt32",
        FieldType.Sint64 => "SInt64",
        FieldType.Fixed32 => "Fixed32",
        FieldType.Fixed64 => "Fixed64",
        FieldType.Sfixed32 => "SFixed32",
        FieldType.Sfixed64 => "SFixed64",
        FieldType.Float => "Float",
        FieldType.Double => "Double",
        FieldType.Bool => "Bool",
        FieldType.String => "String",
        FieldType.Bytes => "Bytes",
        FieldType.Enum => "Enum",
        FieldType.Message => "Message",
        FieldType.Group => "Group",
        _ => throw new InvalidOperationException("Unknown type: " + type),
    };

    /// <summary>The encoded size of fixed-size types, or -1.</summary>
    public static int FixedSize(FieldType type) => type switch
    {
        FieldType.Fixed32 or FieldType.Sfixed32 or FieldType.Float => 4,
        FieldType.Fixed64 or FieldType.Sfixed64 or FieldType.Double => 8,
        FieldType.Bool => 1,
        _ => -1,
    };

    /// <summary>The tag as the comma-separated varint bytes <c>WriteRawTag</c> takes.</summary>
    public static string TagBytes(uint tag)
    {
        var bytes = new List<string>();
        do
        {
            uint b = tag & 0x7F;
            tag >>= 7;
            if (tag != 0)
            {
                b |= 0x80;
            }
            bytes.Add(b.ToString(CultureInfo.InvariantCulture));
        }
        while (tag != 0);
        return string.Join(", ", bytes);
    }

    public static int VarintSize(uint value)
    {
        int size = 1;
        while (value >= 0x80)
        {
            value >>= 7;
            size++;
        }
        return size;
    }

    /// <summary>The natural zero of a type, as protoc writes it (<c>0L</c>, <c>0F</c>, <c>""</c>, the first enum value).</summary>
    public static string ZeroValue(FieldType type, ProtoEnum? enumType) => type switch
    {
        FieldType.Int32 or FieldType.Sint32 or FieldType.Sfixed32 or FieldType.Uint32 or FieldType.Fixed32 => "0",
        FieldType.Int64 or FieldType.Sint64 or FieldType.Sfixed64 => "0L",
        FieldType.Uint64 or FieldType.Fixed64 => "0UL",
        FieldType.Float => "0F",
        FieldType.Double => "0D",
        FieldType.Bool => "false",
        FieldType.String => "\"\"",
        FieldType.Bytes => "pb::ByteString.Empty",
        FieldType.Enum => EnumValue(enumType!, enumType!.Proto.Value[0].Name),
        _ => "null",
    };

    public static string EnumValue(ProtoEnum protoEnum, string valueName)
    {
        // The C# name of a value depends on the names before it (collisions get underscores).
        var used = new HashSet<string>();
        foreach (var value in protoEnum.Proto.Value)
        {
            string name = Names.EnumValueName(protoEnum.Name, value.Name);
            while (!used.Add(name))
            {
                name += "_";
            }
            if (value.Name == valueName)
            {
                return protoEnum.ClassName + "." + name;
            }
        }
        throw new InvalidOperationException($"Enum {protoEnum.FullName} has no value {valueName}.");
    }

    /// <summary>protoc's <c>default_value</c>: the explicit proto2 default, else the type's zero; null for messages.</summary>
    public static string DefaultValue(ProtoField field)
    {
        if (field.IsWrapperType)
        {
            return ZeroValue(WrappedType(field.MessageType!), null);
        }
        if (!field.Proto.HasDefaultValue)
        {
            return ZeroValue(field.Type, field.EnumType);
        }
        string text = field.Proto.DefaultValue;
        return field.Type switch
        {
            FieldType.Int32 or FieldType.Sint32 or FieldType.Sfixed32 or FieldType.Uint32 or FieldType.Fixed32 => text,
            FieldType.Int64 or FieldType.Sint64 or FieldType.Sfixed64 => text + "L",
            FieldType.Uint64 or FieldType.Fixed64 => text + "UL",
            FieldType.Float => FloatingDefault(text, "float", "F"),
            FieldType.Double => FloatingDefault(text, "double", "D"),
            FieldType.Bool => text == "true" ? "true" : "false",
            FieldType.String => StringDefault(text),
            FieldType.Bytes when text.Length == 0 => "pb::ByteString.Empty",
            FieldType.Bytes => $"pb::ByteString.FromBase64(\"{Convert.ToBase64String(CEscapes.Unescape(text))}\")",
            FieldType.Enum => EnumValue(field.EnumType!, text),
            _ => "null",
        };
    }

    // A descriptor stores float defaults as protoc's shortest round-trip text ("inf", "1e+10", "1.5"),
    // which is also what protoc prints in C#, so it is reused with the type suffix.
    private static string FloatingDefault(string text, string type, string suffix) => text switch
    {
        "inf" => type + ".PositiveInfinity",
        "-inf" => type + ".NegativeInfinity",
        "nan" or "-nan" => type + ".NaN",
        _ => text + suffix,
    };

    private static string StringDefault(string text)
    {
        if (text.Length == 0)
        {
            return "\"\"";
        }
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        return $"global::System.Text.Encoding.UTF8.GetString(global::System.Convert.FromBase64String(\"{Convert.ToBase64String(utf8)}\"), 0, {utf8.Length.ToString(CultureInfo.InvariantCulture)})";
    }
}
