namespace Inkwell.Protobuf.Syntax;

/// <summary>Fields: labels, types (scalar, named, map, group), names and numbers; their bracketed options are in Parser.FieldOptions.cs.</summary>
internal sealed partial class Parser
{
    private const int FieldName = 1;
    private const int FieldExtendee = 2;
    private const int FieldNumber = 3;
    private const int FieldLabelField = 4;
    private const int FieldTypeField = 5;
    private const int FieldTypeName = 6;
    private const int FieldDefaultValue = 7;
    private const int FieldOptions = 8;
    private const int FieldJsonName = 10;

    private static readonly Dictionary<string, FieldType> s_typeNames = new(StringComparer.Ordinal)
    {
        ["double"] = FieldType.Double,
        ["float"] = FieldType.Float,
        ["int64"] = FieldType.Int64,
        ["uint64"] = FieldType.UInt64,
        ["int32"] = FieldType.Int32,
        ["fixed64"] = FieldType.Fixed64,
        ["fixed32"] = FieldType.Fixed32,
        ["bool"] = FieldType.Bool,
        ["string"] = FieldType.String,
        ["group"] = FieldType.Group,
        ["bytes"] = FieldType.Bytes,
        ["uint32"] = FieldType.UInt32,
        ["sfixed32"] = FieldType.SFixed32,
        ["sfixed64"] = FieldType.SFixed64,
        ["sint32"] = FieldType.SInt32,
        ["sint64"] = FieldType.SInt64,
    };

    /// <summary>
    /// Reads a field (its extendee, or its oneof, already in <paramref name="field"/>; its label too when
    /// <paramref name="labelWritten"/> is false, a oneof's fields having none) and adds it to <paramref name="fields"/>,
    /// also when it stopped half-way, as protoc keeps it. A group's body and a map's entry go to <paramref name="messages"/>.
    /// </summary>
    private bool ParseField(List<FieldSyntax> fields, FieldParts field, bool labelWritten, List<MessageSyntax> messages, LocationRecorder parentLocation, int nestedTypeField, LocationRecorder fieldLocation)
    {
        bool parsed = labelWritten
            ? ParseMessageField(ref field, messages, parentLocation, nestedTypeField, fieldLocation)
            : ParseMessageFieldNoLabel(ref field, messages, parentLocation, nestedTypeField, fieldLocation);
        fields.Add(field.Build(fieldLocation.Location));
        return parsed;
    }

    private bool ParseMessageField(ref FieldParts field, List<MessageSyntax> messages, LocationRecorder parentLocation, int nestedTypeField, LocationRecorder fieldLocation)
    {
        if (LookingAt("optional") || LookingAt("repeated") || LookingAt("required"))
        {
            using (fieldLocation.Child(FieldLabelField))
            {
                field.LabelPosition = TextPosition.Of(Current);
                field.Label = Current.Text switch
                {
                    "optional" => FieldLabel.Optional,
                    "repeated" => FieldLabel.Repeated,
                    _ => FieldLabel.Required,
                };
                _lexer.Next();
            }

            if (field.Label == FieldLabel.Optional && _syntax == ProtoSyntax.Proto3)
            {
                field.Proto3Optional = true;
            }
        }

        return ParseMessageFieldNoLabel(ref field, messages, parentLocation, nestedTypeField, fieldLocation);
    }

    private bool ParseMessageFieldNoLabel(ref FieldParts field, List<MessageSyntax> messages, LocationRecorder parentLocation, int nestedTypeField, LocationRecorder fieldLocation)
    {
        bool isMap = false;
        FieldType keyType = FieldType.None;
        FieldType valueType = FieldType.None;
        string keyTypeName = "";
        string valueTypeName = "";
        using (var location = fieldLocation.Child())
        {
            field.TypePosition = TextPosition.Of(Current);
            field.TypeOffset = Current.Offset;
            bool typeParsed = false;
            FieldType type = FieldType.Int32;
            string typeName = "";
            if (TryConsume("map"))
            {
                if (LookingAt("<"))
                {
                    isMap = true;
                    field.IsMap = true;
                    if (field.OneofIndex is not null)
                    {
                        Error("Map fields are not allowed in oneofs.");
                        return false;
                    }

                    if (field.Label != FieldLabel.None)
                    {
                        Error("Field labels (required/optional/repeated) are not allowed on map fields.");
                        return false;
                    }

                    if (field.Extendee is not null)
                    {
                        Error("Map fields are not allowed to be extensions.");
                        return false;
                    }

                    field.Label = FieldLabel.Repeated;
                    if (!Consume("<") || !ParseType(out keyType, out keyTypeName) || !Consume(",") ||
                        !ParseType(out valueType, out valueTypeName) || !Consume(">"))
                    {
                        return false;
                    }

                    location.AddPath(FieldTypeName);
                }
                else
                {
                    typeParsed = true;
                    typeName = "map";
                }
            }

            if (!isMap)
            {
                if (field.Label == FieldLabel.None && _syntax != ProtoSyntax.Proto2)
                {
                    field.Label = FieldLabel.Optional;
                }

                if (field.Label == FieldLabel.None)
                {
                    Error("Expected \"required\", \"optional\", or \"repeated\".");
                    field.Label = FieldLabel.Optional;
                }

                if (!typeParsed && !ParseType(out type, out typeName))
                {
                    return false;
                }

                if (typeName.Length == 0)
                {
                    location.AddPath(FieldTypeField);
                    field.Type = type;
                }
                else
                {
                    location.AddPath(FieldTypeName);
                    field.TypeName = typeName;
                }
            }
        }

        Token nameToken = Current;
        field.NameOffset = Current.Offset;
        using (fieldLocation.Child(FieldName))
        {
            field.NamePosition = TextPosition.Of(Current);
            if (!ConsumeIdentifier(out string name, "Expected field name."))
            {
                return false;
            }

            field.Name = name;
        }

        if (!Consume("=", "Missing field number."))
        {
            return false;
        }

        using (fieldLocation.Child(FieldNumber))
        {
            field.NumberPosition = TextPosition.Of(Current);
            if (!ConsumeInteger(out int number, "Expected field number."))
            {
                return false;
            }

            field.Number = number;
        }

        if (!ParseFieldOptions(ref field, fieldLocation))
        {
            return false;
        }

        field.OptionsEndOffset = Current.Offset;
        if (field.Type == FieldType.Group)
        {
            using var groupLocation = parentLocation.Child();
            groupLocation.StartAt(fieldLocation);
            groupLocation.AddPath(nestedTypeField);
            groupLocation.AddPath(messages.Count);
            var group = new MessageParts { Name = field.Name, NamePosition = field.NamePosition };
            using (var nameLocation = groupLocation.Child(MessageName))
            {
                nameLocation.StartAt(nameToken);
                nameLocation.EndAt(nameToken);
            }

            using (var typeNameLocation = fieldLocation.Child(FieldTypeName))
            {
                typeNameLocation.StartAt(nameToken);
                typeNameLocation.EndAt(nameToken);
            }

            if (group.Name[0] is < 'A' or > 'Z')
            {
                Error(nameToken, "Group names must start with a capital letter.");
            }

            field.Name = field.Name.ToLowerInvariant();
            field.TypeName = group.Name;
            bool hasBody = LookingAt("{");
            if (!hasBody)
            {
                Error("Missing group body.");
            }

            bool parsed = hasBody && ParseMessageBlock(group, groupLocation);
            messages.Add(group.Build(SymbolVisibility.Unset, groupLocation.Location, isGroup: true));
            if (!parsed)
            {
                return false;
            }
        }
        else if (!ConsumeEndOfDeclaration(";", fieldLocation))
        {
            return false;
        }

        if (isMap)
        {
            GenerateMapEntry(ref field, messages, keyType, keyTypeName, valueType, valueTypeName);
        }

        return true;
    }

    // Edition UNSTABLE renames the integer types: plain names are fixed-width, zigzag names are sint.
    private static readonly Dictionary<string, FieldType> s_unstableTypeNames = new(StringComparer.Ordinal)
    {
        ["int32"] = FieldType.SFixed32,
        ["int64"] = FieldType.SFixed64,
        ["uint32"] = FieldType.Fixed32,
        ["uint64"] = FieldType.Fixed64,
        ["zigzag32"] = FieldType.SInt32,
        ["zigzag64"] = FieldType.SInt64,
    };

    private static readonly Dictionary<string, string> s_unstableObsoleteTypes = new(StringComparer.Ordinal)
    {
        ["sint32"] = "zigzag32",
        ["sint64"] = "zigzag64",
        ["fixed32"] = "uint32",
        ["fixed64"] = "uint64",
        ["sfixed32"] = "int32",
        ["sfixed64"] = "int64",
    };

    private bool ParseType(out FieldType type, out string typeName)
    {
        if (_edition == Editions.Unstable && LookingAt(TokenKind.Identifier))
        {
            if (s_unstableObsoleteTypes.TryGetValue(Current.Text, out string? replacement))
            {
                Error($"Type '{Current.Text}' is obsolete in unstable editions, use '{replacement}' instead.");
            }
            else if (s_unstableTypeNames.TryGetValue(Current.Text, out type))
            {
                typeName = "";
                _lexer.Next();
                return true;
            }
        }

        if (s_typeNames.TryGetValue(Current.Text, out type) && LookingAt(TokenKind.Identifier))
        {
            if (_syntax == ProtoSyntax.Editions && type == FieldType.Group)
            {
                Error("Group syntax is no longer supported in editions. To get group behavior you can specify features.message_encoding = DELIMITED on a message field.");
            }

            typeName = "";
            _lexer.Next();
            return true;
        }

        type = FieldType.None;
        return ParseUserDefinedType(out typeName);
    }

    private bool ParseUserDefinedType(out string typeName)
    {
        typeName = "";
        if (LookingAt(TokenKind.Identifier) && s_typeNames.ContainsKey(Current.Text))
        {
            Error("Expected message type.");
            typeName = Current.Text;
            _lexer.Next();
            return true;
        }

        if (TryConsume("."))
        {
            typeName = ".";
        }

        if (!ConsumeIdentifier(out string identifier, "Expected type name."))
        {
            return false;
        }

        typeName += identifier;
        while (TryConsume("."))
        {
            if (!ConsumeIdentifier(out identifier, "Expected identifier."))
            {
                return false;
            }

            typeName += "." + identifier;
        }

        return true;
    }

    private static void GenerateMapEntry(ref FieldParts field, List<MessageSyntax> messages, FieldType keyType, string keyTypeName, FieldType valueType, string valueTypeName)
    {
        string entryName = MapEntryName(field.Name);
        field.TypeName = entryName;
        var keyOptions = new List<OptionSyntax>();
        var valueOptions = new List<OptionSyntax>();

        // protoc copies `enforce_utf8` from the map field to string keys and values.
        foreach (OptionSyntax option in field.Options)
        {
            if (option.Name.Count == 1 && option.Name[0].Name == "enforce_utf8" && !option.Name[0].IsExtension)
            {
                if (keyTypeName.Length == 0 && keyType == FieldType.String)
                {
                    keyOptions.Add(option);
                }

                if (valueTypeName.Length == 0 && valueType == FieldType.String)
                {
                    valueOptions.Add(option);
                }
            }
        }

        messages.Add(new MessageSyntax
        {
            Name = entryName,
            NamePosition = field.NamePosition,
            IsMapEntry = true,
            Fields = [MapEntryField("key", 1, keyType, keyTypeName, field.TypePosition, keyOptions), MapEntryField("value", 2, valueType, valueTypeName, field.TypePosition, valueOptions)],
        });
    }

    // A map entry's key or value: its type is a scalar when no type name was written.
    private static FieldSyntax MapEntryField(string name, int number, FieldType type, string typeName, TextPosition position, List<OptionSyntax> options) => new()
    {
        Name = name,
        Label = FieldLabel.Optional,
        Number = number,
        NamePosition = position,
        TypePosition = position,
        Type = typeName.Length == 0 ? type : FieldType.None,
        TypeName = typeName.Length == 0 ? null : typeName,
        Options = options,
    };

    internal static string MapEntryName(string fieldName)
    {
        var sb = new System.Text.StringBuilder(fieldName.Length + 5);
        bool capitalizeNext = true;
        foreach (char c in fieldName)
        {
            if (c == '_')
            {
                capitalizeNext = true;
            }
            else if (capitalizeNext)
            {
                sb.Append(c is >= 'a' and <= 'z' ? (char)(c - 'a' + 'A') : c);
                capitalizeNext = false;
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append("Entry").ToString();
    }
}
