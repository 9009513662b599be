using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// The build phase (protoc's DescriptorBuilder::BuildMessage and friends): registers every name and makes the checks
/// that need no other file, in protoc's order — a message's oneofs, fields, enums, extension ranges, extensions,
/// reserved ranges and nested messages, then the message itself and the checks between its numbers and ranges.
/// </summary>
internal sealed partial class Binder
{
    private const int MaxFieldNumber = 536870911;
    private const int FirstReservedNumber = 19000;
    private const int LastReservedNumber = 19999;

    private void BuildFile()
    {
        Symbol? clash = _table.AddPackage(_file.Package, _bound);
        if (clash is not null)
        {
            Error(_file.PackagePosition, $"\"{clash.FullName}\" is already defined (as something other than a package) in file \"{clash.File.Name}\".");
        }

        foreach (MessageSyntax message in _file.Messages)
        {
            BuildMessage(message, _file.Package);
        }

        foreach (EnumSyntax enumType in _file.Enums)
        {
            BuildEnum(enumType, _file.Package);
        }

        foreach (ServiceSyntax service in _file.Services)
        {
            foreach (MethodSyntax method in service.Methods)
            {
                AddSymbol(SymbolKind.Method, method.FullName, method, method.NamePosition);
            }

            AddSymbol(SymbolKind.Service, service.FullName, service, service.NamePosition);
        }

        foreach (FieldSyntax extension in _file.Extensions)
        {
            BuildField(extension, _file.Package, null);
        }
    }

    private void BuildMessage(MessageSyntax message, string scope)
    {
        foreach (OneofSyntax oneof in message.Oneofs)
        {
            AddSymbol(SymbolKind.Oneof, oneof.FullName, oneof, oneof.NamePosition);
        }

        foreach (FieldSyntax field in message.Fields)
        {
            BuildField(field, message.FullName, message);
        }

        foreach (EnumSyntax enumType in message.Enums)
        {
            BuildEnum(enumType, message.FullName);
        }

        foreach (RangeSyntax range in message.ExtensionRanges)
        {
            BuildRange(message, range, "Extension numbers must be positive integers.", "Extension range end number must be greater than start number.");
        }

        foreach (FieldSyntax extension in message.Extensions)
        {
            BuildField(extension, message.FullName, message);
        }

        foreach (RangeSyntax range in message.ReservedRanges)
        {
            BuildRange(message, range, "Reserved numbers must be positive integers.", "Reserved range end number must be greater than start number.");
        }

        foreach (MessageSyntax nested in message.NestedTypes)
        {
            BuildMessage(nested, message.FullName);
        }

        // protoc adds a message's own name after its children's.
        AddSymbol(SymbolKind.Message, message.FullName, message, message.NamePosition);
        CheckNumbersAgainstRanges(message);
    }

    private void BuildRange(MessageSyntax message, RangeSyntax range, string notPositive, string empty)
    {
        if (range.Start <= 0)
        {
            RequestFieldNumberHint(message, range.Position, range.Start, range.End);
            Error(range.Position, notPositive);
        }

        if (range.End <= range.Start)
        {
            Error(range.Position, empty);
        }
    }

    // Field (or extension) checks that need nothing but the field itself.
    private void BuildField(FieldSyntax field, string scope, MessageSyntax? parent)
    {
        bool isExtension = field.Extendee is not null;
        if (isExtension && field.Label == FieldLabel.Required)
        {
            Error(field.TypePosition, "The extension " + field.FullName + " cannot be required.");
        }

        if (field.Label == FieldLabel.Repeated && field.DefaultValue is not null)
        {
            Error(field.DefaultValuePosition, "Repeated fields can't have default values.");
        }

        if (field.Number <= 0)
        {
            RequestFieldNumberHint(parent, field.NumberPosition);
            Error(field.NumberPosition, "Field numbers must be positive integers.");
        }
        else if (!isExtension && field.Number > MaxFieldNumber)
        {
            // Extensions are checked against their extendee's ranges when cross-linking instead.
            RequestFieldNumberHint(parent, field.NumberPosition);
            Error(field.NumberPosition, $"Field numbers cannot be greater than {MaxFieldNumber}.");
        }

        AddSymbol(isExtension ? SymbolKind.Extension : SymbolKind.Field, field.FullName, field, field.NamePosition);
    }

    // After a message's parts are built: ranges that overlap, and fields on reserved or extension numbers or names.
    private void CheckNumbersAgainstRanges(MessageSyntax message)
    {
        for (int i = 0; i < message.ReservedRanges.Count; i++)
        {
            RangeSyntax range = message.ReservedRanges[i];
            for (int j = i + 1; j < message.ReservedRanges.Count; j++)
            {
                RangeSyntax other = message.ReservedRanges[j];
                if (range.End > other.Start && other.End > range.Start)
                {
                    Error(range.Position, $"Reserved range {other.Start} to {other.End - 1} overlaps with already-defined range {range.Start} to {range.End - 1}.");
                }
            }
        }

        var reservedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (ReservedNameSyntax name in message.ReservedNames)
        {
            if (!reservedNames.Add(name.Name))
            {
                Error(message.NamePosition, $"Field name \"{name.Name}\" is reserved multiple times.");
            }
        }

        foreach (FieldSyntax field in message.Fields)
        {
            foreach (RangeSyntax range in message.ExtensionRanges)
            {
                if (field.Number >= range.Start && field.Number < range.End)
                {
                    RequestFieldNumberHint(message, range.Position);
                    Error(range.Position, $"Extension range {range.Start} to {range.End - 1} includes field \"{field.Name}\" ({field.Number}).");
                }
            }

            foreach (RangeSyntax range in message.ReservedRanges)
            {
                if (field.Number >= range.Start && field.Number < range.End)
                {
                    RequestFieldNumberHint(message, range.Position);
                    Error(range.Position, $"Field \"{field.Name}\" uses reserved number {field.Number}.");
                }
            }

            if (reservedNames.Contains(field.Name))
            {
                Error(field.NamePosition, $"Field name \"{field.Name}\" is reserved.");
            }
        }

        for (int i = 0; i < message.ExtensionRanges.Count; i++)
        {
            RangeSyntax range = message.ExtensionRanges[i];
            foreach (RangeSyntax reserved in message.ReservedRanges)
            {
                if (range.End > reserved.Start && reserved.End > range.Start)
                {
                    Error(range.Position, $"Extension range {range.Start} to {range.End - 1} overlaps with reserved range {reserved.Start} to {reserved.End - 1}.");
                }
            }

            for (int j = i + 1; j < message.ExtensionRanges.Count; j++)
            {
                RangeSyntax other = message.ExtensionRanges[j];
                if (range.End > other.Start && other.End > range.Start)
                {
                    Error(range.Position, $"Extension range {other.Start} to {other.End - 1} overlaps with already-defined range {range.Start} to {range.End - 1}.");
                }
            }
        }
    }

    private void BuildEnum(EnumSyntax enumType, string scope)
    {
        if (enumType.Values.Count == 0)
        {
            Error(enumType.NamePosition, "Enums must contain at least one value.");
        }

        foreach (EnumValueSyntax value in enumType.Values)
        {
            BuildEnumValue(enumType, value, scope);
        }

        AddSymbol(SymbolKind.Enum, enumType.FullName, enumType, enumType.NamePosition);
        foreach (EnumValueSyntax value in enumType.Values)
        {
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

    private void BuildEnumValue(EnumSyntax enumType, EnumValueSyntax value, string scope)
    {
        Symbol? existing = _table.TryAdd(new Symbol(SymbolKind.EnumValue, value.FullName, _bound, value));
        if (existing is null)
        {
            return;
        }

        if (existing.File != _bound)
        {
            Error(value.NamePosition, $"\"{value.FullName}\" is already defined in file \"{existing.File.Name}\".");
            return;
        }

        Error(value.NamePosition, scope.Length == 0 ? $"\"{value.FullName}\" is already defined." : $"\"{value.Name}\" is already defined in \"{scope}\".");
        if (existing.Kind == SymbolKind.EnumValue)
        {
            string where = scope.Length == 0 ? "the global scope" : $"\"{scope}\"";
            Error(value.NamePosition, $"Note that enum values use C++ scoping rules, meaning that enum values are siblings of their type, not children of it.  Therefore, \"{value.Name}\" must be unique within {where}, not just within \"{enumType.Name}\".");
        }
    }
}
