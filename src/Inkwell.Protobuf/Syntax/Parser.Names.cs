namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// What follows from the whole file once it is parsed, with no other file: every declaration's full name and, for every
/// field, whether a repeated scalar is packed when no option says so. It is done after the last
/// statement because the package and the file's options may be written after the declarations they apply to.
/// </summary>
internal sealed partial class Parser
{
    private static void NameDeclarations(FileSyntax file)
    {
        string package = file.Package;
        bool packedByDefault = file.Syntax == ProtoSyntax.Proto3 || file.Syntax == ProtoSyntax.Editions && !SaysExpanded(file.Options);
        file.FullName = package;
        foreach (MessageSyntax message in file.Messages)
        {
            NameMessage(message, package, packedByDefault);
        }

        foreach (EnumSyntax enumType in file.Enums)
        {
            NameEnum(enumType, package);
        }

        foreach (ServiceSyntax service in file.Services)
        {
            service.FullName = Join(package, service.Name);
            foreach (MethodSyntax method in service.Methods)
            {
                method.FullName = service.FullName + "." + method.Name;
            }
        }

        foreach (FieldSyntax extension in file.Extensions)
        {
            NameField(extension, package, packedByDefault);
        }
    }

    private static void NameMessage(MessageSyntax message, string scope, bool packedByDefault)
    {
        message.FullName = Join(scope, message.Name);
        foreach (OneofSyntax oneof in message.Oneofs)
        {
            oneof.FullName = message.FullName + "." + oneof.Name;
        }

        foreach (FieldSyntax field in message.Fields)
        {
            NameField(field, message.FullName, packedByDefault);
        }

        foreach (EnumSyntax enumType in message.Enums)
        {
            NameEnum(enumType, message.FullName);
        }

        foreach (FieldSyntax extension in message.Extensions)
        {
            NameField(extension, message.FullName, packedByDefault);
        }

        foreach (MessageSyntax nested in message.NestedTypes)
        {
            NameMessage(nested, message.FullName, packedByDefault);
        }
    }

    private static void NameEnum(EnumSyntax enumType, string scope)
    {
        enumType.FullName = Join(scope, enumType.Name);
        foreach (EnumValueSyntax value in enumType.Values)
        {
            value.FullName = Join(scope, value.Name); // enum values are siblings of their enum (C++ scoping)
        }
    }

    private static void NameField(FieldSyntax field, string scope, bool packedByDefault)
    {
        field.FullName = Join(scope, field.Name);
        field.IsPackedByDefault = packedByDefault && !SaysExpanded(field.Options);
    }

    private static string Join(string scope, string name) => scope.Length == 0 ? name : scope + "." + name;

    // Editions' `features.repeated_field_encoding = EXPANDED` on the field or the file; proto2 packs nothing by default.
    private static bool SaysExpanded(List<OptionSyntax> options) =>
        options.Any(o => o.Name.Count == 2 && o.Name[0].Name == "features" && o.Name[1].Name == "repeated_field_encoding" && o.Identifier == "EXPANDED");
}
