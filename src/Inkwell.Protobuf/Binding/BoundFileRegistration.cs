using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// Puts an already bound file's names and extensions into a new compilation's symbol table, as binding it did
/// (<see cref="Binder"/>'s RegisterSymbols and the extension registration of its ResolveField), without binding it
/// again: what a reused binding (<c>CompilationSession.Reuse.cs</c>) needs for the files loaded after it.
/// Only for files that bound without errors in the same context, so no name can clash.
/// </summary>
internal static class BoundFileRegistration
{
    public static void Register(SymbolTable table, BoundFile file)
    {
        FileSyntax syntax = file.Syntax;
        _ = table.AddPackage(syntax.Package, file);
        foreach (MessageSyntax message in syntax.Messages)
        {
            AddMessage(table, file, message);
        }

        foreach (EnumSyntax enumType in syntax.Enums)
        {
            AddEnum(table, file, enumType);
        }

        foreach (ServiceSyntax service in syntax.Services)
        {
            Add(table, file, SymbolKind.Service, service);
            foreach (MethodSyntax method in service.Methods)
            {
                Add(table, file, SymbolKind.Method, method);
            }
        }

        foreach (FieldSyntax extension in syntax.Extensions)
        {
            Add(table, file, SymbolKind.Extension, extension);
        }

        // Extensions are recorded in the order cross-linking meets them: nested messages first, then the file's own.
        foreach (MessageSyntax message in syntax.Messages)
        {
            AddMessageExtensions(table, file, message);
        }

        foreach (FieldSyntax extension in syntax.Extensions)
        {
            AddExtension(table, file, extension);
        }
    }

    private static void AddMessage(SymbolTable table, BoundFile file, MessageSyntax message)
    {
        Add(table, file, SymbolKind.Message, message);
        foreach (FieldSyntax field in message.Fields)
        {
            Add(table, file, SymbolKind.Field, field);
        }

        foreach (OneofSyntax oneof in message.Oneofs)
        {
            Add(table, file, SymbolKind.Oneof, oneof);
        }

        foreach (MessageSyntax nested in message.NestedTypes)
        {
            AddMessage(table, file, nested);
        }

        foreach (EnumSyntax enumType in message.Enums)
        {
            AddEnum(table, file, enumType);
        }

        foreach (FieldSyntax extension in message.Extensions)
        {
            Add(table, file, SymbolKind.Extension, extension);
        }
    }

    private static void AddEnum(SymbolTable table, BoundFile file, EnumSyntax enumType)
    {
        Add(table, file, SymbolKind.Enum, enumType);
        foreach (EnumValueSyntax value in enumType.Values)
        {
            Add(table, file, SymbolKind.EnumValue, value);
        }
    }

    private static void AddMessageExtensions(SymbolTable table, BoundFile file, MessageSyntax message)
    {
        foreach (MessageSyntax nested in message.NestedTypes)
        {
            AddMessageExtensions(table, file, nested);
        }

        foreach (FieldSyntax extension in message.Extensions)
        {
            AddExtension(table, file, extension);
        }
    }

    private static void AddExtension(SymbolTable table, BoundFile file, FieldSyntax field)
    {
        if (file[field].Extendee is { } extendee)
        {
            table.AddExtension(extendee.Substring(1), field);
        }
    }

    private static void Add(SymbolTable table, BoundFile file, SymbolKind kind, ElementSyntax node)
    {
        if (table.TryAdd(new Symbol(kind, node.FullName, file, node)) is not null)
        {
            throw new InvalidOperationException($"A reused binding of {file.Name} clashes on {node.FullName}; reuse must only happen in the context it was bound in.");
        }
    }
}
