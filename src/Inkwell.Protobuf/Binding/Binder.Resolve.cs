using System.Globalization;
using Inkwell.Internal;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// Cross-linking (protoc's CrossLinkFile): field types, extendees, method types, default values and JSON names, and the
/// number conflicts protoc finds while it adds each linked field to its message. A field whose type or extendee does
/// not resolve is left out of the number checks, as in protoc.
/// </summary>
internal sealed partial class Binder
{
    private readonly Dictionary<MessageSyntax, Dictionary<int, FieldSyntax>> _fieldsByNumber = [];

    private void CrossLinkFile()
    {
        foreach (MessageSyntax message in _file.Messages)
        {
            ResolveMessage(message);
        }

        foreach (FieldSyntax extension in _file.Extensions)
        {
            ResolveField(extension, null);
        }

        foreach (ServiceSyntax service in _file.Services)
        {
            foreach (MethodSyntax method in service.Methods)
            {
                string? input = ResolveMessageType(method.InputType, method.FullName, method.InputTypePosition);
                string? output = ResolveMessageType(method.OutputType, method.FullName, method.OutputTypePosition);
                _bound.Resolve(method, new ResolvedMethod(input, output));
            }
        }
    }

    private void ResolveMessage(MessageSyntax message)
    {
        if (message.Inheritance is { } inheritance)
        {
            ResolveBase(message, inheritance);
        }

        foreach (MessageSyntax nested in message.NestedTypes)
        {
            ResolveMessage(nested);
        }

        foreach (FieldSyntax field in message.Fields)
        {
            ResolveField(field, message);
        }

        foreach (FieldSyntax extension in message.Extensions)
        {
            ResolveField(extension, message);
        }
    }

    private string? ResolveMessageType(string name, string relativeTo, TextPosition position)
    {
        Symbol? symbol = _scope.Lookup(name, relativeTo);
        if (symbol is null)
        {
            NotDefined(name, position);
            return null;
        }

        if (symbol.Kind != SymbolKind.Message)
        {
            Error(position, $"\"{name}\" is not a message type.");
            return null;
        }

        return "." + symbol.FullName;
    }

    // Inkwell inheritance: the base resolves like a field type written in the scope that declares the subtype.
    private void ResolveBase(MessageSyntax message, InheritanceSyntax inheritance)
    {
        string name = inheritance.BaseTypeName;
        Symbol? symbol = _inheritanceScope.Lookup(name, message.FullName, typesOnly: true);
        if (symbol is null)
        {
            NotDefined(name, inheritance.BaseTypePosition, _inheritanceScope);
            return;
        }

        if (symbol.Node is not MessageSyntax baseMessage)
        {
            Error(inheritance.BaseTypePosition, $"\"{name}\" is not a message type; a message can only inherit from a message.");
            return;
        }

        if (baseMessage.IsMapEntry)
        {
            Error(inheritance.BaseTypePosition, $"\"{name}\" is a map entry; a message cannot inherit from a map entry.");
            return;
        }

        if (baseMessage.IsGroup)
        {
            Error(inheritance.BaseTypePosition, $"\"{name}\" is a group; a message cannot inherit from a group.");
            return;
        }

        _bound.ResolveBase(message, "." + symbol.FullName);
    }

    private void NotDefined(string name, TextPosition position) => NotDefined(name, position, _scope);

    private void NotDefined(string name, TextPosition position, Scope scope)
    {
        if (scope.NotImported is null && scope.UndefinedResolvedName is null)
        {
            Error(position, $"\"{name}\" is not defined.");
            return;
        }

        if (scope.NotImported is { } symbol)
        {
            Error(position, $"\"{symbol.FullName}\" seems to be defined in \"{symbol.File.Name}\", which is not imported by \"{_bound.Name}\".  To use it here, please add the necessary import.");
        }

        if (scope.UndefinedResolvedName is { } resolved)
        {
            Error(position, $"\"{name}\" is resolved to \"{resolved}\", which is not defined. The innermost scope is searched first in name resolution. Consider using a leading '.'(i.e., \".{name}\") to start from the outermost scope.");
        }
    }

    private void ResolveField(FieldSyntax field, MessageSyntax? parent)
    {
        // A field that did not link is left out of the numbers, as in protoc (see CheckNumberIsFree for the exception).
        if (ResolveFieldTypes(field, parent))
        {
            CheckNumberIsFree(field, parent);
        }
    }

    // Returns false where protoc stops linking the field (an unresolved type or extendee); what it found up to there is recorded.
    private bool ResolveFieldTypes(FieldSyntax field, MessageSyntax? parent)
    {
        bool linked = LinkField(field, parent, out ResolvedField resolved);
        _bound.Resolve(field, resolved);
        return linked;
    }

    private bool LinkField(FieldSyntax field, MessageSyntax? parent, out ResolvedField resolved)
    {
        resolved = default;

        // A map's entry type is made up by the parser, so protoc has no place for its errors.
        TextPosition typePosition = parent is { IsMapEntry: true } ? TextPosition.None : field.TypePosition;
        if (field.Extendee is not null)
        {
            string? extendeeName = ResolveMessageType(field.Extendee, field.FullName, field.ExtendeePosition);
            if (extendeeName is null)
            {
                return false;
            }

            resolved = resolved with { Extendee = extendeeName };
            if (_table.TryGet(extendeeName.Substring(1), out Symbol extendee) && extendee.Node is MessageSyntax extended &&
                !extended.ExtensionRanges.Exists(r => field.Number >= r.Start && field.Number < r.End))
            {
                Error(field.NumberPosition, $"\"{extended.FullName}\" does not declare {field.Number} as an extension number.");
            }
        }

        if (field.TypeName is not null)
        {
            Symbol? symbol = _scope.Lookup(field.TypeName, field.FullName, typesOnly: true);
            if (symbol is null)
            {
                NotDefined(field.TypeName, typePosition);
                return false;
            }

            if (!symbol.IsType)
            {
                Error(typePosition, $"\"{field.TypeName}\" is not a type.");
                return false;
            }

            resolved = resolved with
            {
                Type = field.Type == FieldType.Group ? FieldType.Group : symbol.Kind == SymbolKind.Message ? FieldType.Message : FieldType.Enum,
            };

            if (field.Type is not FieldType.None and not FieldType.Group)
            {
                Error(field.TypePosition, $"\"{field.TypeName}\" is not a type.");
            }

            resolved = resolved with { TypeName = "." + symbol.FullName };
            if (field.DefaultValue is not null)
            {
                if (symbol.Node is EnumSyntax enumType)
                {
                    if (!IsIdentifier(field.DefaultValue))
                    {
                        Error(field.DefaultValuePosition, "Default value for an enum field must be an identifier.");
                    }
                    else if (!enumType.Values.Any(v => v.Name == field.DefaultValue))
                    {
                        Error(field.DefaultValuePosition, $"Enum type \"{enumType.FullName}\" has no value named \"{field.DefaultValue}\".");
                    }

                    resolved = resolved with { DefaultValue = field.DefaultValue };
                }
                else
                {
                    Error(field.DefaultValuePosition, "Messages can't have default values.");
                }
            }

            return true;
        }

        resolved = resolved with { Type = field.Type };
        if (field.DefaultValue is not null)
        {
            resolved = resolved with { DefaultValue = NormalizeDefault(field) };
        }

        return true;
    }

    private static bool IsIdentifier(string text) =>
        text.Length > 0 && text[0] is not (>= '0' and <= '9') && text.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');

    // protoc adds each linked field and extension to its file's table of numbers by containing message; a number taken
    // twice is an error at the later one. The leading fields numbered 1, 2, 3… are not in that table but found by
    // position, so a field there counts as taken even when its type did not resolve, and no extension may use it.
    private void CheckNumberIsFree(FieldSyntax field, MessageSyntax? parent)
    {
        bool isExtension = field.Extendee is not null;
        MessageSyntax? container = !isExtension ? parent
            : _table.TryGet(Resolved(field).Extendee!.Substring(1), out Symbol extendee) ? extendee.Node as MessageSyntax : null;
        if (container is null)
        {
            if (isExtension)
            {
                _table.AddExtension(Resolved(field).Extendee!.Substring(1), field); // an extendee known only by name
            }

            return;
        }

        FieldSyntax? other = null;
        if (field.Number >= 1 && field.Number <= SequentialFieldLimit(container))
        {
            other = container.Fields[field.Number - 1];
            other = other == field ? null : other;
        }
        else
        {
            if (!_fieldsByNumber.TryGetValue(container, out Dictionary<int, FieldSyntax>? numbers))
            {
                _fieldsByNumber[container] = numbers = [];
            }

            if (!numbers.TryGetValue(field.Number, out other))
            {
                numbers[field.Number] = field;
            }
        }

        if (other is not null)
        {
            Error(field.NumberPosition, isExtension
                ? $"Extension number {field.Number} has already been used in \"{container.FullName}\" by extension \"{other.FullName}\"."
                : $"Field number {field.Number} has already been used in \"{container.FullName}\" by field \"{other.Name}\". Next available field number is {NextAvailableFieldNumber(container)}.");
            return;
        }

        if (isExtension)
        {
            AddExtension(field, container);
        }
    }

    // The compilation's extensions: a number another file's extension took is only a warning (protoc's TODO).
    private void AddExtension(FieldSyntax extension, MessageSyntax extendee)
    {
        foreach (FieldSyntax other in _table.ExtensionsOf(extendee.FullName))
        {
            if (other.Number == extension.Number)
            {
                string file = _table.TryGet(other.FullName, out Symbol symbol) ? symbol.File.Name : "";
                Warning(extension.NumberPosition, $"Extension number {extension.Number} has already been used in \"{extendee.FullName}\" by extension \"{other.FullName}\" defined in {file}.");
                return;
            }
        }

        _table.AddExtension(extendee.FullName, extension);
    }

    private readonly Dictionary<MessageSyntax, int> _sequentialLimits = [];

    private int SequentialFieldLimit(MessageSyntax message)
    {
        if (_sequentialLimits.TryGetValue(message, out int known))
        {
            return known;
        }

        int limit = 0;
        while (limit < message.Fields.Count && message.Fields[limit].Number == limit + 1)
        {
            limit++;
        }

        _sequentialLimits[message] = limit;
        return limit;
    }

    // protoc counts up from 1 while the numbers in use follow on; a field numbered 0 or less (an error already) makes it 1.
    private static int NextAvailableFieldNumber(MessageSyntax message)
    {
        if (message.Fields.Exists(f => f.Number <= 0))
        {
            return 1;
        }

        int candidate = 1;
        while (message.Fields.Any(f => f.Number == candidate) ||
               message.ReservedRanges.Concat(message.ExtensionRanges).Any(r => candidate >= r.Start && candidate < r.End))
        {
            candidate++;
        }

        return candidate;
    }

    private string? NormalizeDefault(FieldSyntax field)
    {
        string value = field.DefaultValue!;
        switch (field.Type)
        {
            case FieldType.Float:
                return Literals.FormatFloat((float)ParseDefaultDouble(value));
            case FieldType.Double:
                return Literals.FormatDouble(ParseDefaultDouble(value));
            case FieldType.Bytes:
                return CEscapes.Escape(CEscapes.Unescape(value));
            case FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64:
                return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long signed)
                    ? signed.ToString(CultureInfo.InvariantCulture)
                    : value;
            case FieldType.UInt32 or FieldType.Fixed32 or FieldType.UInt64 or FieldType.Fixed64:
                return ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out ulong unsigned)
                    ? unsigned.ToString(CultureInfo.InvariantCulture)
                    : value;
            default:
                return value;
        }
    }

    private static double ParseDefaultDouble(string value) => value switch
    {
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        "nan" or "-nan" => Literals.NaN,
        _ => Literals.TryParseDouble(value, out double d) ? d : 0,
    };
}
