using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>Option interpretation for every element of the file, with protoc's name scopes.</summary>
internal sealed partial class Binder
{
    // MessageOptions.map_entry = true, as protoc's parser sets it on a map's entry type.
    private static readonly byte[] s_mapEntryOption = [0x38, 0x01];

    // protoc interprets options in the order its builder allocated them: an element's parts before the element
    // (a message's oneofs, fields, enums, extension ranges, extensions and nested messages before the message; the
    // file's options last), so that is the order of their errors.
    private void InterpretAllOptions()
    {
        foreach (MessageSyntax message in _file.Messages)
        {
            InterpretMessage(message);
        }

        foreach (EnumSyntax enumType in _file.Enums)
        {
            InterpretEnum(enumType);
        }

        foreach (ServiceSyntax service in _file.Services)
        {
            foreach (MethodSyntax method in service.Methods)
            {
                _options.Interpret(method, "google.protobuf.MethodOptions", method.FullName, OptionsPath(method, 4));
            }

            _options.Interpret(service, "google.protobuf.ServiceOptions", service.FullName, OptionsPath(service, 3));
        }

        foreach (FieldSyntax extension in _file.Extensions)
        {
            _options.Interpret(extension, "google.protobuf.FieldOptions", extension.FullName, OptionsPath(extension, 8));
        }

        string fileScope = _file.Package.Length > 0 ? _file.Package + ".dummy" : "dummy";
        _options.Interpret(_file, "google.protobuf.FileOptions", fileScope, OptionsPath([], 8));
    }

    // The source code info path of an element's options message, or null for elements the parser made up.
    private static int[]? OptionsPath(ElementSyntax element, int optionsField) =>
        element.Location is { } location ? [.. location.Path, optionsField] : null;

    private static int[] OptionsPath(int[] elementPath, int optionsField) => [.. elementPath, optionsField];

    private void InterpretMessage(MessageSyntax message)
    {
        foreach (OneofSyntax oneof in message.Oneofs)
        {
            _options.Interpret(oneof, "google.protobuf.OneofOptions", oneof.FullName, OptionsPath(oneof, 2));
        }

        foreach (FieldSyntax field in message.Fields)
        {
            _options.Interpret(field, "google.protobuf.FieldOptions", field.FullName, OptionsPath(field, 8));
        }

        foreach (EnumSyntax enumType in message.Enums)
        {
            InterpretEnum(enumType);
        }

        for (int i = 0; i < message.ExtensionRanges.Count; i++)
        {
            RangeSyntax range = message.ExtensionRanges[i];
            int[]? path = message.Location is { } location ? [.. location.Path, 5, i, 3] : null;
            _options.Interpret(range, "google.protobuf.ExtensionRangeOptions", message.FullName, path);
        }

        foreach (FieldSyntax extension in message.Extensions)
        {
            _options.Interpret(extension, "google.protobuf.FieldOptions", extension.FullName, OptionsPath(extension, 8));
        }

        foreach (MessageSyntax nested in message.NestedTypes)
        {
            InterpretMessage(nested);
        }

        _options.Interpret(message, "google.protobuf.MessageOptions", message.FullName, OptionsPath(message, 7), message.IsMapEntry ? s_mapEntryOption : null);
    }

    private void InterpretEnum(EnumSyntax enumType)
    {
        foreach (EnumValueSyntax value in enumType.Values)
        {
            _options.Interpret(value, "google.protobuf.EnumValueOptions", value.FullName, OptionsPath(value, 3));
        }

        _options.Interpret(enumType, "google.protobuf.EnumOptions", enumType.FullName, OptionsPath(enumType, 3));
    }
}
