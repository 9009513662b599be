using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>Edition 2024's naming style (features.enforce_naming_style = STYLE2024), with protoc's messages.</summary>
internal sealed partial class Binder
{
    private const string StyleOptOut = " (features.enforce_naming_style = STYLE_LEGACY can be used to opt out of this check)";

    private static bool OptsOutOfStyle(IEnumerable<OptionSyntax> options) =>
        options.Any(o => o.Name.Count == 2 && o.Name[0].Name == "features" && o.Name[1].Name == "enforce_naming_style" && o.Identifier == "STYLE_LEGACY");

    private void ValidateNamingStyle()
    {
        if (_file.Edition < Editions.Edition2024 || OptsOutOfStyle(_file.Options))
        {
            return;
        }

        if (_file.HasPackage && _file.Package.Split('.').Any(p => LowerSnakeProblem(p) is not null))
        {
            Error(_file.PackagePosition, $"Package name {_file.Package} should be lower_snake_case" + StyleOptOut);
        }

        foreach (MessageSyntax message in _file.Messages)
        {
            CheckMessageStyle(message);
        }

        foreach (EnumSyntax enumType in _file.Enums)
        {
            CheckEnumStyle(enumType);
        }

        foreach (ServiceSyntax service in _file.Services.Where(s => !OptsOutOfStyle(s.Options)))
        {
            CheckTitle("Service", service);
            foreach (MethodSyntax method in service.Methods.Where(m => !OptsOutOfStyle(m.Options)))
            {
                CheckTitle("Method", method);
            }
        }

        foreach (FieldSyntax extension in _file.Extensions)
        {
            CheckLowerSnake("Field", extension, extension.NamePosition);
        }
    }

    private void CheckMessageStyle(MessageSyntax message)
    {
        if (OptsOutOfStyle(message.Options) || message.IsMapEntry)
        {
            return;
        }

        CheckTitle("Message", message);
        foreach (OneofSyntax oneof in message.Oneofs.Where(o => !o.IsSynthetic))
        {
            CheckLowerSnake("Oneof", oneof, TextPosition.None);
        }

        foreach (FieldSyntax field in message.Fields.Concat(message.Extensions).Where(f => !OptsOutOfStyle(f.Options)))
        {
            CheckLowerSnake("Field", field, field.NamePosition);
        }

        foreach (MessageSyntax nested in message.NestedTypes)
        {
            CheckMessageStyle(nested);
        }

        foreach (EnumSyntax enumType in message.Enums)
        {
            CheckEnumStyle(enumType);
        }
    }

    private void CheckEnumStyle(EnumSyntax enumType)
    {
        if (OptsOutOfStyle(enumType.Options))
        {
            return;
        }

        CheckTitle("Enum", enumType);
        foreach (EnumValueSyntax value in enumType.Values.Where(v => !OptsOutOfStyle(v.Options)))
        {
            bool ok = value.Name.Length > 0 && value.Name[0] is >= 'A' and <= 'Z' &&
                value.Name.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_') && UnderscoresOk(value.Name);
            if (!ok)
            {
                Error(value.NamePosition, $"Enum value name {value.Name} should be UPPER_SNAKE_CASE" + StyleOptOut);
            }
        }
    }

    private void CheckTitle(string kind, ElementSyntax element)
    {
        if (element.Name.Length == 0 || element.Name[0] is < 'A' or > 'Z' || element.Name.IndexOf('_') >= 0)
        {
            Error(element.NamePosition, $"{kind} name {element.Name} should be TitleCase" + StyleOptOut);
        }
    }

    private void CheckLowerSnake(string kind, ElementSyntax element, TextPosition position)
    {
        string? problem = LowerSnakeProblem(element.Name);
        if (problem is not null)
        {
            Error(position, $"{kind} name {element.Name} {problem}" + StyleOptOut);
        }
    }

    private static string? LowerSnakeProblem(string name)
    {
        if (name.Length == 0 || name[0] is < 'a' or > 'z')
        {
            return "should begin with a lower case letter";
        }

        if (name.Any(c => c is >= 'A' and <= 'Z'))
        {
            return "should be lower_snake_case";
        }

        return UnderscoresOk(name) ? null : "contains style violating underscores";
    }

    // No doubled or trailing underscores, and no underscore before a digit.
    private static bool UnderscoresOk(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] != '_')
            {
                continue;
            }

            if (i + 1 >= name.Length || name[i + 1] == '_' || name[i + 1] is >= '0' and <= '9')
            {
                return false;
            }
        }

        return true;
    }
}
