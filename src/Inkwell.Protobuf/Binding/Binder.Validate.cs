using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>The semantic checks protoc makes after linking, with protoc's messages and locations.</summary>
internal sealed partial class Binder
{
    private const int MaxFieldNumber = 536870911;
    private const int FirstReservedNumber = 19000;
    private const int LastReservedNumber = 19999;

    private bool IsProto3 => _file.Syntax == "proto3";

    private bool IsEditions => _file.Syntax == "editions";

    private void Validate()
    {
        ValidateFileOptions();
        ValidateNamingStyle();
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
            ValidateExtension(extension);
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

    private void ValidateFieldNumber(FieldSyntax field)
    {
        if (field.Number <= 0)
        {
            Error(field.NumberPosition, "Field numbers must be positive integers.");
        }
        else if (field.Number > MaxFieldNumber && !(field.Extendee is not null && IsMessageSetExtendee(field)))
        {
            Error(field.NumberPosition, $"Field numbers cannot be greater than {MaxFieldNumber}.");
        }
        else if (field.Number is >= FirstReservedNumber and <= LastReservedNumber)
        {
            Error(TextPosition.None, $"Field numbers {FirstReservedNumber} through {LastReservedNumber} are reserved for the protocol buffer library implementation.");
        }
    }

    private bool IsMessageSetExtendee(FieldSyntax extension) =>
        extension.ResolvedExtendee is { } name && _table.TryGet(name.Substring(1), out Symbol symbol) && symbol.Node is MessageSyntax m &&
        m.Options.Any(o => o.Name.Count == 1 && o.Name[0].Name == "message_set_wire_format" && o.Identifier == "true");

    // Enclosing messages of what is being validated, innermost last (features are inherited from them).
    private readonly List<MessageSyntax> _enclosing = [];

    private void ValidateMessage(MessageSyntax message)
    {
        _enclosing.Add(message);
        try
        {
            ValidateMessageCore(message);
        }
        finally
        {
            _enclosing.RemoveAt(_enclosing.Count - 1);
        }
    }

    private void ValidateMessageCore(MessageSyntax message)
    {
        var numbers = new Dictionary<int, FieldSyntax>();
        var jsonNames = new Dictionary<string, FieldSyntax>(StringComparer.Ordinal);
        bool checkJson = !message.IsMapEntry && !IsProto3OrEditionsLegacyJson(message);
        HashSet<string>? reservedNames = message.ReservedNames.Count == 0 ? null : [.. message.ReservedNames.Select(r => r.Name)];
        foreach (FieldSyntax field in message.Fields)
        {
            ValidateFieldNumber(field);
            ValidateFieldCommon(field);
            if (numbers.TryGetValue(field.Number, out FieldSyntax? other))
            {
                Error(field.NumberPosition, $"Field number {field.Number} has already been used in \"{message.FullName}\" by field \"{other.Name}\". Next available field number is {NextAvailableFieldNumber(message)}.");
            }
            else
            {
                numbers[field.Number] = field;
            }

            foreach (RangeSyntax range in message.ReservedRanges)
            {
                if (field.Number >= range.Start && field.Number < range.End)
                {
                    Error(range.Position, $"Field \"{field.Name}\" uses reserved number {field.Number}.");
                }
            }

            if (reservedNames is not null && reservedNames.Contains(field.Name))
            {
                Error(field.NamePosition, $"Field name \"{field.Name}\" is reserved.");
            }

            foreach (RangeSyntax range in message.ExtensionRanges)
            {
                if (field.Number >= range.Start && field.Number < range.End)
                {
                    Error(range.Position, $"Extension range {range.Start} to {range.End - 1} includes field \"{field.Name}\" ({field.Number}).");
                }
            }

            if (checkJson)
            {
                CheckJsonName(message, field, jsonNames);
            }

            if (IsProto3)
            {
                if (field.Label == FieldLabel.Required)
                {
                    Error(field.TypePosition, "Required fields are not allowed in proto3.");
                }

                if (field.ResolvedType == FieldType.Enum && LookupEnum(field) is { } enumType && EnumIsClosed(enumType))
                {
                    Error(field.TypePosition, $"Enum type \"{enumType.FullName}\" is not an open enum, but is used in \"{message.FullName}\" which is a proto3 message type.");
                }
            }
        }

        ValidateRanges(message);
        foreach (FieldSyntax extension in message.Extensions)
        {
            ValidateExtension(extension);
        }

        foreach (MessageSyntax nested in message.NestedTypes)
        {
            ValidateMessage(nested);
        }

        foreach (EnumSyntax enumType in message.Enums)
        {
            ValidateEnum(enumType);
        }

        if (message.IsMapEntry)
        {
            FieldSyntax key = message.Fields[0];
            if (key.ResolvedType is FieldType.Float or FieldType.Double or FieldType.Bytes or FieldType.Message or FieldType.Group or FieldType.Enum)
            {
                Error(key.TypePosition, "Key in map fields cannot be float/double, bytes or message types.");
            }
        }
    }

    // Editions may turn off JSON-name conflict checks with features.json_format = LEGACY_BEST_EFFORT.
    private bool IsProto3OrEditionsLegacyJson(MessageSyntax message) =>
        message.Options.Concat(_file.Options).Any(o => o.Name.Count == 2 && o.Name[1].Name == "json_format" && o.Identifier == "LEGACY_BEST_EFFORT") ||
        message.Options.Any(o => o.Name.Count == 1 && o.Name[0].Name == "deprecated_legacy_json_field_conflicts" && o.Identifier == "true") ||
        _file.Syntax == "proto2";

    private void CheckJsonName(MessageSyntax message, FieldSyntax field, Dictionary<string, FieldSyntax> seen)
    {
        string name = field.ResolvedJsonName;
        if (seen.TryGetValue(name, out FieldSyntax? other))
        {
            bool explicitName = field.JsonName is not null || other.JsonName is not null;
            string kind = field.JsonName is not null ? "custom" : "default";
            string otherKind = other.JsonName is not null ? "custom" : "default";
            _ = explicitName;
            Error(field.NamePosition, $"The {kind} JSON name of field \"{field.Name}\" (\"{name}\") conflicts with the {otherKind} JSON name of field \"{other.Name}\".");
        }
        else
        {
            seen[name] = field;
        }
    }

    private void ValidateFieldCommon(FieldSyntax field)
    {
        if (IsProto3 && field.DefaultValue is not null)
        {
            Error(field.DefaultValuePosition, "Explicit default values are not allowed in proto3.");
        }
        else if (field.Label == FieldLabel.Repeated && field.DefaultValue is not null)
        {
            Error(field.DefaultValuePosition, "Repeated fields can't have default values.");
        }

        if (field.JsonName is not null && field.Extendee is not null)
        {
            Error(field.JsonNamePosition, "option json_name is not allowed on extension fields.");
        }

        OptionSyntax? packed = FindOption(field.Options, "packed");
        if (IsEditions)
        {
            ValidateEditionsField(field, packed is not null);
        }

        if (packed is not null && (field.Label != FieldLabel.Repeated || field.ResolvedType is FieldType.String or FieldType.Bytes or FieldType.Message or FieldType.Group))
        {
            Error(IsEditions ? field.TypePosition : field.NamePosition, "[packed = true] can only be specified for repeated primitive fields.");
        }
    }

    private static OptionSyntax? FindOption(List<OptionSyntax> options, string name, string? feature = null)
    {
        foreach (OptionSyntax option in options)
        {
            if (feature is null
                ? option.Name.Count == 1 && option.Name[0].Name == name && !option.Name[0].IsExtension
                : option.Name.Count == 2 && option.Name[0].Name == name && !option.Name[0].IsExtension && option.Name[1].Name == feature)
            {
                return option;
            }
        }

        return null;
    }

    // The rules protoc adds for fields in editions files.
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
            if (field.Extendee is not null)
            {
                Error(field.NamePosition, "Extensions can't specify field presence.");
            }
            else if (field.OneofIndex is not null)
            {
                Error(field.NamePosition, "Oneof fields can't specify field presence.");
            }
            else if (field.Label == FieldLabel.Repeated)
            {
                Error(field.NamePosition, "Repeated fields can't specify field presence.");
            }
            else if (presence.Identifier == "IMPLICIT" && field.ResolvedType is FieldType.Message or FieldType.Group)
            {
                Error(field.NamePosition, "Message fields can't specify implicit presence.");
            }
        }

        if (FindOption(field.Options, "features", "message_encoding") is not null && field.ResolvedType is not (FieldType.Message or FieldType.Group))
        {
            Error(field.NamePosition, "Only message fields can specify message encoding.");
        }

        if (_file.Edition >= Editions.Edition2024 && FindOption(field.Options, "ctype") is not null)
        {
            Error(field.LabelPosition.Line >= 0 ? field.LabelPosition : field.TypePosition, "ctype option is not allowed under edition 2024 and beyond. Use the feature string_type = VIEW|CORD|STRING|... instead.");
        }
    }

    private void ValidateExtension(FieldSyntax extension)
    {
        ValidateFieldNumber(extension);
        ValidateFieldCommon(extension);
        if (extension.ResolvedExtendee is null || !_table.TryGet(extension.ResolvedExtendee.Substring(1), out Symbol symbol) || symbol.Node is not MessageSyntax extendee)
        {
            return;
        }

        RangeSyntax? range = extendee.ExtensionRanges.Find(r => extension.Number >= r.Start && extension.Number < r.End);
        if (range is null)
        {
            Error(extension.NumberPosition, $"\"{extendee.FullName}\" does not declare {extension.Number} as an extension number.");
        }
        else
        {
            CheckExtensionDeclaration(extension, extendee, range);
        }

        if (IsProto3 && !extendee.FullName.StartsWith("google.protobuf.", StringComparison.Ordinal))
        {
            Error(extension.ExtendeePosition, "Extensions in proto3 are only allowed for defining options.");
        }

        if (extension.Label == FieldLabel.Required)
        {
            Error(extension.NamePosition, "The extension " + extension.FullName + " cannot be required.");
        }

        foreach (FieldSyntax other in _table.ExtensionsOf(extendee.FullName))
        {
            if (other == extension)
            {
                break;
            }

            if (other.Number == extension.Number)
            {
                Error(extension.NumberPosition, $"Extension number {extension.Number} has already been used in \"{extendee.FullName}\" by extension \"{other.FullName}\".");
                break;
            }
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
            Error(extension.ExtendeePosition, $"Missing extension declaration for field {extension.Name} with number {extension.Number} in extendee message {extendee.FullName}. An extension range must declare for all extension fields if its verification state is DECLARATION or there's any declaration in the range already. Otherwise, consider splitting up the range.");
            return;
        }

        string? fullName = DeclarationField(declaration.Aggregate, "full_name");
        if (fullName is not null && fullName != "." + extension.FullName)
        {
            Error(extension.ExtendeePosition, $"\"{extendee.FullName}\" extension field {extension.Number} is expected to have field name \"{fullName}\", not \".{extension.FullName}\".");
        }
    }

    private static string? DeclarationField(string aggregate, string name)
    {
        System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(aggregate, @"(?:^|\s)" + name + @"\s*:\s*(""[^""]*""|\S+)");
        return match.Success ? match.Groups[1].Value.Trim('"') : null;
    }

    private void ValidateRanges(MessageSyntax message)
    {
        for (int i = 0; i < message.ExtensionRanges.Count; i++)
        {
            RangeSyntax range = message.ExtensionRanges[i];
            if (range.Start <= 0)
            {
                Error(range.Position, "Extension numbers must be positive integers.");
            }

            if (range.End <= range.Start)
            {
                Error(range.Position, "Extension range end number must be greater than start number.");
            }

            for (int j = 0; j < i; j++)
            {
                RangeSyntax other = message.ExtensionRanges[j];
                if (range.End > other.Start && other.End > range.Start)
                {
                    Error(range.Position, $"Extension range {range.Start} to {range.End - 1} overlaps with already-defined range {other.Start} to {other.End - 1}.");
                }
            }

            foreach (RangeSyntax reserved in message.ReservedRanges)
            {
                if (range.End > reserved.Start && reserved.End > range.Start)
                {
                    Error(range.Position, $"Extension range {range.Start} to {range.End - 1} overlaps with reserved range {reserved.Start} to {reserved.End - 1}.");
                }
            }
        }

        for (int i = 0; i < message.ReservedRanges.Count; i++)
        {
            RangeSyntax range = message.ReservedRanges[i];
            if (range.Start <= 0)
            {
                Error(range.Position, "Reserved numbers must be positive integers.");
            }

            if (range.End <= range.Start)
            {
                Error(range.Position, "Reserved range end number must be greater than start number.");
            }

            for (int j = 0; j < i; j++)
            {
                RangeSyntax other = message.ReservedRanges[j];
                if (range.End > other.Start && other.End > range.Start)
                {
                    Error(range.Position, $"Reserved range {range.Start} to {range.End - 1} overlaps with already-defined range {other.Start} to {other.End - 1}.");
                }
            }
        }
    }

    private void ValidateEnum(EnumSyntax enumType)
    {
        if (enumType.Values.Count == 0)
        {
            Error(enumType.NamePosition, $"Enums must contain at least one value.");
            return;
        }

        if ((IsProto3 || IsEditions && !EnumIsClosed(enumType)) && enumType.Values[0].Number != 0)
        {
            Error(enumType.Values[0].NumberPosition, "The first enum value must be zero for open enums.");
        }

        CheckEnumValueUniqueness(enumType);
        bool allowAlias = enumType.Options.Count > 0 && enumType.Options.Any(o => o.Name.Count == 1 && o.Name[0].Name == "allow_alias" && o.Identifier == "true");
        var byNumber = new Dictionary<int, EnumValueSyntax>();
        foreach (EnumValueSyntax value in enumType.Values)
        {
            if (byNumber.TryGetValue(value.Number, out EnumValueSyntax? first))
            {
                if (!allowAlias)
                {
                    Error(value.NumberPosition, $"\"{value.Name}\" uses the same enum value as \"{first.Name}\". If this is intended, set 'option allow_alias = true;' to the enum definition. The next available enum value is {NextAvailableEnumValue(enumType)}.");
                }
            }
            else
            {
                byNumber[value.Number] = value;
            }

            foreach (RangeSyntax range in enumType.ReservedRanges)
            {
                if (value.Number >= range.Start && value.Number <= range.End)
                {
                    Error(value.NumberPosition, $"Enum value \"{value.Name}\" uses reserved number {value.Number}.");
                }
            }

            if (enumType.ReservedNames.Count > 0 && enumType.ReservedNames.Exists(r => r.Name == value.Name))
            {
                Error(value.NamePosition, $"Enum value \"{value.Name}\" is reserved.");
            }
        }
    }

    // Value names must stay unique once the enum's name is stripped as a prefix and they are PascalCased.
    private void CheckEnumValueUniqueness(EnumSyntax enumType)
    {
        string prefix = enumType.Name.Replace("_", "").ToLowerInvariant();
        var seen = new Dictionary<string, EnumValueSyntax>(StringComparer.Ordinal);
        foreach (EnumValueSyntax value in enumType.Values)
        {
            string stripped = ToPascalCase(RemovePrefix(value.Name, prefix));
            if (!seen.TryGetValue(stripped, out EnumValueSyntax? other))
            {
                seen[stripped] = value;
                continue;
            }

            if (other.Name != value.Name && other.Number != value.Number)
            {
                string message = $"Enum name {value.Name} has the same name as {other.Name} if you ignore case and strip out the enum name prefix (if any). (If you are using allow_alias, please assign the same number to each enum value name.)";
                if (_file.Syntax == "proto2")
                {
                    Warning(value.NamePosition, message);
                }
                else
                {
                    Error(value.NamePosition, message);
                }
            }
        }
    }

    private static string RemovePrefix(string name, string prefix)
    {
        int i = 0;
        int j = 0;
        for (; i < name.Length && j < prefix.Length; i++)
        {
            if (name[i] == '_')
            {
                continue;
            }

            if (char.ToLowerInvariant(name[i]) != prefix[j++])
            {
                return name;
            }
        }

        if (j < prefix.Length)
        {
            return name;
        }

        while (i < name.Length && name[i] == '_')
        {
            i++;
        }

        return i == name.Length ? name : name.Substring(i);
    }

    private static string ToPascalCase(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        bool nextUpper = true;
        foreach (char c in name)
        {
            if (c == '_')
            {
                nextUpper = true;
                continue;
            }

            sb.Append(nextUpper ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c));
            nextUpper = false;
        }

        return sb.ToString();
    }

    private static int NextAvailableFieldNumber(MessageSyntax message)
    {
        int candidate = 1;
        while (message.Fields.Any(f => f.Number == candidate) ||
               message.ReservedRanges.Concat(message.ExtensionRanges).Any(r => candidate >= r.Start && candidate < r.End))
        {
            candidate++;
        }

        return candidate;
    }

    private static int NextAvailableEnumValue(EnumSyntax enumType)
    {
        int candidate = 0;
        while (enumType.Values.Any(v => v.Number == candidate) || enumType.ReservedRanges.Any(r => candidate >= r.Start && candidate <= r.End))
        {
            candidate++;
        }

        return candidate;
    }

    private EnumSyntax? LookupEnum(FieldSyntax field) =>
        field.ResolvedTypeName is { } name && _table.TryGet(name.Substring(1), out Symbol symbol) ? symbol.Node as EnumSyntax : null;

    private bool EnumIsClosed(EnumSyntax enumType)
    {
        if (!_table.TryGet(enumType.FullName, out Symbol symbol))
        {
            return false;
        }

        FileSyntax file = symbol.File;
        if (file.Syntax == "proto2")
        {
            return true;
        }

        if (file.Syntax == "proto3")
        {
            return false;
        }

        var scopes = new List<List<OptionSyntax>> { enumType.Options };
        if (file == _file)
        {
            for (int i = _enclosing.Count - 1; i >= 0; i--)
            {
                scopes.Add(_enclosing[i].Options);
            }
        }

        scopes.Add(file.Options);
        return FeatureValue(scopes, "enum_type") == "CLOSED";
    }

    /// <summary>The value a feature is set to in the innermost scope that sets it (either spelling), or null.</summary>
    private static string? FeatureValue(IEnumerable<List<OptionSyntax>> scopesInnermostFirst, string feature)
    {
        foreach (List<OptionSyntax> options in scopesInnermostFirst)
        {
            for (int i = options.Count - 1; i >= 0; i--)
            {
                OptionSyntax option = options[i];
                if (option.Name.Count == 0 || option.Name[0].Name != "features" || option.Name[0].IsExtension)
                {
                    continue;
                }

                if (option.Name.Count == 2 && option.Name[1].Name == feature)
                {
                    return option.Identifier;
                }

                if (option.Name.Count == 1 && option.Kind == OptionValueKind.Aggregate)
                {
                    System.Text.RegularExpressions.Match match = System.Text.RegularExpressions.Regex.Match(option.Aggregate, @"(?:^|\s)" + feature + @"\s*:?\s*(\w+)");
                    if (match.Success)
                    {
                        return match.Groups[1].Value;
                    }
                }
            }
        }

        return null;
    }
}
