using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>The option checks of an enum (protoc's ValidateOptions for enums), run after options are interpreted.</summary>
internal sealed partial class Binder
{
    // protoc's ValidateOptions for an enum: names unique without the prefix, an open enum starts at zero, no aliases unless allowed.
    private void ValidateEnum(EnumSyntax enumType)
    {
        CheckEnumValueUniqueness(enumType);
        if (enumType.Values.Count > 0 && enumType.Values[0].Number != 0 && (IsProto3 || IsEditions && !EnumIsClosed(enumType)))
        {
            Error(enumType.Values[0].NumberPosition, "The first enum value must be zero for open enums.");
        }

        if (enumType.Options.Any(o => o.Name.Count == 1 && o.Name[0].Name == "allow_alias" && o.Identifier == "true"))
        {
            return;
        }

        var byNumber = new Dictionary<int, EnumValueSyntax>();
        foreach (EnumValueSyntax value in enumType.Values)
        {
            if (byNumber.TryGetValue(value.Number, out EnumValueSyntax? first))
            {
                Error(value.NumberPosition, AliasMessage(enumType, value, first));
            }
            else
            {
                byNumber[value.Number] = value;
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
                if (_file.Syntax == ProtoSyntax.Proto2)
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

    // protoc names both values in full and counts up from the duplicate's number to the first unused one.
    private static string AliasMessage(EnumSyntax enumType, EnumValueSyntax value, EnumValueSyntax first)
    {
        long next = (long)value.Number + 1;
        while (enumType.Values.Exists(v => v.Number == next))
        {
            next++;
        }

        string message = $"\"{value.FullName}\" uses the same enum value as \"{first.FullName}\". If this is intended, set 'option allow_alias = true;' to the enum definition.";
        return next < int.MaxValue ? message + $" The next available enum value is {next}." : message;
    }

}
