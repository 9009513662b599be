using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// The checks protoc makes once options are interpreted (DescriptorBuilder::ValidateOptions), with its messages and
/// locations, in the order its visitor meets the elements: the file (its features, then the proto3 rules for every
/// field), then each message (JSON names), its enums, fields, nested messages and extensions, then the file's enums and
/// extensions. Runs only when building and cross-linking found no errors.
/// </summary>
internal sealed partial class Binder
{
    private void ValidateOptions()
    {
        ValidateFileOptions();
        if (IsProto3)
        {
            ValidateProto3();
        }

        foreach (MessageSyntax message in _file.Messages)
        {
            ValidateMessage(message);
        }

        foreach (EnumSyntax enumType in _file.Enums)
        {
            ValidateEnum(enumType);
        }

        foreach (FieldSyntax extension in _file.Extensions)
        {
            ValidateField(extension);
        }
    }

    private void ValidateFileOptions()
    {
        if (IsEditions && FindOption(_file.Options, "java_string_check_utf8") is not null)
        {
            Error(new TextPosition(0, 0), "File option java_string_check_utf8 is not allowed under editions. Use the (pb.java).utf8_validation feature to control this behavior.");
        }

        if (!IsEditions)
        {
            foreach (ElementSyntax element in AllElements())
            {
                OptionSyntax? features = element.Options.FirstOrDefault(o => o.Name[0].Name == "features" && !o.Name[0].IsExtension);
                if (features is not null)
                {
                    Error(element == _file ? new TextPosition(0, 0) : element.NamePosition, "Features are only valid under editions.");
                    return;
                }
            }
        }
    }

    private IEnumerable<ElementSyntax> AllElements()
    {
        yield return _file;
        foreach (ElementSyntax e in _file.Messages.SelectMany(Elements))
        {
            yield return e;
        }

        foreach (EnumSyntax e in _file.Enums)
        {
            yield return e;
            foreach (EnumValueSyntax v in e.Values)
            {
                yield return v;
            }
        }

        foreach (ServiceSyntax s in _file.Services)
        {
            yield return s;
            foreach (MethodSyntax m in s.Methods)
            {
                yield return m;
            }
        }

        foreach (FieldSyntax f in _file.Extensions)
        {
            yield return f;
        }
    }

    private static IEnumerable<ElementSyntax> Elements(MessageSyntax message)
    {
        yield return message;
        foreach (FieldSyntax f in message.Fields.Concat(message.Extensions))
        {
            yield return f;
        }

        foreach (OneofSyntax o in message.Oneofs)
        {
            yield return o;
        }

        foreach (EnumSyntax e in message.Enums)
        {
            yield return e;
            foreach (EnumValueSyntax v in e.Values)
            {
                yield return v;
            }
        }

        foreach (ElementSyntax e in message.NestedTypes.SelectMany(Elements))
        {
            yield return e;
        }
    }

    private void ValidateProto3()
    {
        foreach (FieldSyntax extension in _file.Extensions)
        {
            ValidateProto3Field(extension, null);
        }

        foreach (MessageSyntax message in _file.Messages)
        {
            ValidateProto3Message(message);
        }
    }

    private void ValidateProto3Message(MessageSyntax message)
    {
        _enclosing.Add(message);
        foreach (MessageSyntax nested in message.NestedTypes)
        {
            ValidateProto3Message(nested);
        }

        foreach (FieldSyntax field in message.Fields.Concat(message.Extensions))
        {
            ValidateProto3Field(field, message);
        }

        _enclosing.RemoveAt(_enclosing.Count - 1);
    }

    private void ValidateProto3Field(FieldSyntax field, MessageSyntax? parent)
    {
        if (Resolved(field).Extendee is { } extendee && !extendee.StartsWith(".google.protobuf.", StringComparison.Ordinal))
        {
            Error(field.ExtendeePosition, "Extensions in proto3 are only allowed for defining options.");
        }

        if (field.Label == FieldLabel.Required)
        {
            Error(field.TypePosition, "Required fields are not allowed in proto3.");
        }

        if (field.DefaultValue is not null)
        {
            Error(field.DefaultValuePosition, "Explicit default values are not allowed in proto3.");
        }

        if (parent is not null && field.Extendee is null && Resolved(field).Type == FieldType.Enum && LookupEnum(field) is { } enumType && EnumIsClosed(enumType))
        {
            Error(field.TypePosition, $"Enum type \"{enumType.FullName}\" is not an open enum, but is used in \"{parent.FullName}\" which is a proto3 message type.");
        }
    }

    private void ValidateMessage(MessageSyntax message)
    {
        _enclosing.Add(message);
        CheckJsonNames(message);
        foreach (EnumSyntax enumType in message.Enums)
        {
            ValidateEnum(enumType);
        }

        foreach (FieldSyntax field in message.Fields)
        {
            ValidateField(field);
        }

        foreach (MessageSyntax nested in message.NestedTypes)
        {
            ValidateMessage(nested);
        }

        foreach (FieldSyntax extension in message.Extensions)
        {
            ValidateField(extension);
        }

        _enclosing.RemoveAt(_enclosing.Count - 1);
    }

    // protoc checks default JSON names, then custom ones; a clash that involves a default name is only a warning where
    // json_format is LEGACY_BEST_EFFORT (proto2's default), and deprecated_legacy_json_field_conflicts keeps proto3's
    // default-name check alone.
    private void CheckJsonNames(MessageSyntax message)
    {
        bool legacyConflicts = message.Options.Any(o => o.Name.Count == 1 && o.Name[0].Name == "deprecated_legacy_json_field_conflicts" && o.Identifier == "true");
        if (legacyConflicts)
        {
            if (IsProto3)
            {
                CheckJsonNames(message, useCustom: false, bestEffort: false);
            }

            return;
        }

        bool bestEffort = _file.Syntax == ProtoSyntax.Proto2 ||
            IsEditions && FeatureValue(_enclosing.AsEnumerable().Reverse().Select(m => m.Options).Append(_file.Options), "json_format") == "LEGACY_BEST_EFFORT";
        CheckJsonNames(message, useCustom: false, bestEffort);
        CheckJsonNames(message, useCustom: true, bestEffort);
    }

    private void CheckJsonNames(MessageSyntax message, bool useCustom, bool bestEffort)
    {
        var seen = new Dictionary<string, (FieldSyntax Field, bool Custom)>(StringComparer.Ordinal);
        foreach (FieldSyntax field in message.Fields)
        {
            string defaultName = JsonNames.Default(field.Name);
            bool custom = useCustom && field.JsonName is not null && field.JsonName != defaultName;
            string name = custom ? field.JsonName! : defaultName;
            if (custom && name.Length > 0 && name[0] == '[' && name[^1] == ']')
            {
                Error(field.NamePosition, $"The custom JSON name of field \"{field.Name}\" (\"{name}\") is invalid: JSON names may not start with '[' and end with ']'.");
                continue;
            }

            if (!seen.TryGetValue(name, out (FieldSyntax Field, bool Custom) match))
            {
                seen[name] = (field, custom);
                continue;
            }

            (FieldSyntax other, bool otherCustom) = match;
            if (useCustom && !custom && !otherCustom)
            {
                continue; // reported by the default-name pass
            }

            string otherName = other.JsonName is not null && otherCustom ? other.JsonName : JsonNames.Default(other.Name);
            string suffix = otherName != name ? $" (\"{otherName}\")" : "";
            string text = $"The {(custom ? "custom" : "default")} JSON name of field \"{field.Name}\" (\"{name}\") conflicts with the {(otherCustom ? "custom" : "default")} JSON name of field \"{other.Name}\"{suffix}.";
            if (bestEffort && (!custom || !otherCustom))
            {
                Warning(field.NamePosition, text);
            }
            else
            {
                Error(field.NamePosition, text);
            }
        }
    }

    // protoc's ValidateOptions for a field or extension, in its order.
    private void ValidateField(FieldSyntax field)
    {
        if (field.Number is >= FirstReservedNumber and <= LastReservedNumber)
        {
            Error(TextPosition.None, $"Field numbers {FirstReservedNumber} through {LastReservedNumber} are reserved for the protocol buffer library implementation.");
        }

        OptionSyntax? packed = FindOption(field.Options, "packed");
        if (IsEditions)
        {
            ValidateEditionsField(field, packed is not null);
        }

        if (packed is not null && (field.Label != FieldLabel.Repeated || Resolved(field).Type is FieldType.String or FieldType.Bytes or FieldType.Message or FieldType.Group))
        {
            Error(field.TypePosition, "[packed = true] can only be specified for repeated primitive fields.");
        }

        if (MapEntryOf(field) is { } entry)
        {
            ValidateMapField(field, entry);
        }

        if (field.JsonName is not null && field.Extendee is not null)
        {
            Error(field.JsonNamePosition, "option json_name is not allowed on extension fields.");
        }

        // Extensions of descriptor.proto's messages (custom options and features) are exempt from declarations, as in protoc.
        if (Resolved(field).Extendee is { } extendeeName && _table.TryGet(extendeeName.Substring(1), out Symbol symbol) && symbol.Node is MessageSyntax extendee &&
            symbol.File.Name != "google/protobuf/descriptor.proto" &&
            extendee.ExtensionRanges.Find(r => field.Number >= r.Start && field.Number < r.End) is { } range)
        {
            CheckExtensionDeclaration(field, extendee, range);
        }
    }

    private MessageSyntax? MapEntryOf(FieldSyntax field) =>
        field.Label == FieldLabel.Repeated && Resolved(field).Type == FieldType.Message && Resolved(field).TypeName is { } name &&
        _table.TryGet(name.Substring(1), out Symbol symbol) && symbol.Node is MessageSyntax { IsMapEntry: true } entry ? entry : null;

    private void ValidateMapField(FieldSyntax field, MessageSyntax entry)
    {
        FieldSyntax key = entry.Fields[0];
        if (Resolved(key).Type == FieldType.Enum)
        {
            Error(field.TypePosition, "Key in map fields cannot be enum types.");
        }
        else if (Resolved(key).Type is FieldType.Float or FieldType.Double or FieldType.Bytes or FieldType.Message or FieldType.Group)
        {
            Error(field.TypePosition, "Key in map fields cannot be float/double, bytes or message types.");
        }

        if (entry.Fields.Count > 1 && Resolved(entry.Fields[1]).Type == FieldType.Enum && LookupEnum(entry.Fields[1]) is { Values.Count: > 0 } valueEnum &&
            valueEnum.Values[0].Number != 0)
        {
            Error(field.TypePosition, "Enum value in map must define 0 as the first value.");
        }
    }

    // The rules protoc adds for fields in editions files (ValidateFieldFeatures and the label rules).
    private void ValidateEditionsField(FieldSyntax field, bool hasPacked)
    {
        if (field.LabelPosition.Line >= 0 && field.Label == FieldLabel.Optional)
        {
            Error(field.LabelPosition, "Label \"optional\" is not supported in editions. By default, all singular fields have presence unless features.field_presence is set.");
        }
        else if (field.Label == FieldLabel.Required)
        {
            Error(field.LabelPosition, "Label \"required\" is not supported in editions, use features.field_presence = LEGACY_REQUIRED.");
        }

        if (hasPacked)
        {
            Error(field.NamePosition, "Field option packed is not allowed under editions.  Use the repeated_field_encoding feature to control this behavior.");
        }

        if (FindOption(field.Options, "features", "field_presence") is { } presence)
        {
            if (field.OneofIndex is not null)
            {
                Error(field.NamePosition, "Oneof fields can't specify field presence.");
            }
            else if (field.Label == FieldLabel.Repeated)
            {
                Error(field.NamePosition, "Repeated fields can't specify field presence.");
            }
            else if (field.Extendee is not null && presence.Identifier != "LEGACY_REQUIRED")
            {
                Error(field.NamePosition, "Extensions can't specify field presence.");
            }
            else if (presence.Identifier == "IMPLICIT" && Resolved(field).Type is FieldType.Message or FieldType.Group)
            {
                Error(field.NamePosition, "Message fields can't specify implicit presence.");
            }
        }

        if (FindOption(field.Options, "features", "message_encoding") is not null && Resolved(field).Type is not (FieldType.Message or FieldType.Group))
        {
            Error(field.NamePosition, "Only message fields can specify message encoding.");
        }

        if (_file.Edition >= Editions.Edition2024 && FindOption(field.Options, "ctype") is not null)
        {
            Error(field.LabelPosition.Line >= 0 ? field.LabelPosition : field.TypePosition, "ctype option is not allowed under edition 2024 and beyond. Use the feature string_type = VIEW|CORD|STRING|... instead.");
        }
    }

    // Extension declarations (ExtensionRangeOptions.declaration / verification = DECLARATION).
    private void CheckExtensionDeclaration(FieldSyntax extension, MessageSyntax extendee, RangeSyntax range)
    {
        var declarations = range.Options.Where(o => o.Name.Count == 1 && o.Name[0].Name == "declaration" && o.Kind == OptionValueKind.Aggregate).ToList();
        bool verify = range.Options.Any(o => o.Name.Count == 1 && o.Name[0].Name == "verification" && o.Identifier == "DECLARATION");
        if (declarations.Count == 0 && !verify)
        {
            return;
        }

        OptionSyntax? declaration = declarations.Find(d => DeclarationField(d.Aggregate, "number") == extension.Number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (declaration is null)
        {
            Error(extension.ExtendeePosition, $"Missing extension declaration for field {extension.FullName} with number {extension.Number} in extendee message {extendee.FullName}. An extension range must declare for all extension fields if its verification state is DECLARATION or there's any declaration in the range already. Otherwise, consider splitting up the range.");
            return;
        }

        string? fullName = DeclarationField(declaration.Aggregate, "full_name");
        if (fullName is not null && fullName != "." + extension.FullName)
        {
            Error(extension.ExtendeePosition, $"\"{extendee.FullName}\" extension field {extension.Number} is expected to have field name \"{fullName}\", not \".{extension.FullName}\".");
            return;
        }

        // protoc then checks the type (".pkg.Type" for messages and enums, the scalar's name otherwise) and repeatedness.
        string? type = DeclarationField(declaration.Aggregate, "type");
        string actualType = Resolved(extension).Type is FieldType.Message or FieldType.Enum
            ? (Resolved(extension).TypeName is { } name && name.StartsWith(".", StringComparison.Ordinal) ? name : "." + Resolved(extension).TypeName)
            : Resolved(extension).Type.ToString().ToLowerInvariant();
        if (type is not null && Resolved(extension).Type != FieldType.None && type != actualType)
        {
            Error(extension.ExtendeePosition, $"\"{extendee.FullName}\" extension field {extension.Number} is expected to be type \"{type}\", not \"{actualType}\".");
        }

        bool repeated = DeclarationField(declaration.Aggregate, "repeated") == "true";
        if (repeated != (extension.Label == FieldLabel.Repeated))
        {
            Error(extension.ExtendeePosition, $"\"{extendee.FullName}\" extension field {extension.Number} is expected to be {(repeated ? "repeated" : "optional")}.");
        }
    }

    private static string? DeclarationField(string aggregate, string name)
    {
        System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(aggregate, @"(?:^|\s)" + name + @"\s*:\s*(""[^""]*""|\S+)");
        return match.Success ? match.Groups[1].Value.Trim('"') : null;
    }
}
