using Inkwell.Protobuf.Binding;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Descriptors;

/// <summary>
/// Serializes a <see cref="BoundFile"/> as the FileDescriptorProto protoc writes: the declarations as parsed, fields in
/// field-number order, <c>json_name</c> always filled, and from the bound file types resolved to fully-qualified names
/// and options as the binder interpreted them.
/// </summary>
internal sealed class DescriptorWriter
{
    private readonly BoundFile _file;
    private readonly InterpretedOptions _options;
    private readonly bool _retain;

    private DescriptorWriter(BoundFile file, bool retain)
    {
        _file = file;
        _options = file.Options;
        _retain = retain;
    }

    /// <summary>
    /// The file's descriptor; with <paramref name="retain"/>, before source-retention stripping (protoc's
    /// <c>--retain_options</c>, and what it sends a plugin in <c>source_file_descriptors</c>).
    /// </summary>
    public static byte[] Write(BoundFile file, bool includeSourceInfo, bool retain = false) =>
        new DescriptorWriter(file, retain).WriteFile(file.Syntax, includeSourceInfo);

    private byte[] WriteFile(FileSyntax file, bool includeSourceInfo)
    {
        var w = new ProtoWriter();
        w.WriteStringField(1, _file.Name);
        if (file.Package.Length > 0)
        {
            w.WriteStringField(2, file.Package);
        }

        var dependencies = file.Imports.Where(i => i.Kind != ImportKind.Option).ToList();
        foreach (ImportSyntax import in dependencies)
        {
            w.WriteStringField(3, import.Path);
        }

        foreach (MessageSyntax message in file.Messages)
        {
            w.WriteMessageField(4, inner => WriteMessage(inner, message));
        }

        foreach (EnumSyntax enumType in file.Enums)
        {
            w.WriteMessageField(5, inner => WriteEnum(inner, enumType));
        }

        foreach (ServiceSyntax service in file.Services)
        {
            w.WriteMessageField(6, inner => WriteService(inner, service));
        }

        foreach (FieldSyntax extension in file.Extensions)
        {
            w.WriteMessageField(7, inner => WriteField(inner, extension));
        }

        WriteOptions(w, 8, file);
        if (includeSourceInfo)
        {
            w.WriteMessageField(9, inner => SourceInfoWriter.Write(inner, file, _options, _retain));
        }

        for (int i = 0; i < dependencies.Count; i++)
        {
            if (dependencies[i].Kind == ImportKind.Public)
            {
                w.WriteInt32Field(10, i);
            }
        }

        for (int i = 0; i < dependencies.Count; i++)
        {
            if (dependencies[i].Kind == ImportKind.Weak)
            {
                w.WriteInt32Field(11, i);
            }
        }

        if (file.Syntax == ProtoSyntax.Proto3)
        {
            w.WriteStringField(12, "proto3");
        }
        else if (file.Syntax == ProtoSyntax.Editions)
        {
            w.WriteStringField(12, "editions");
            w.WriteInt32Field(14, (int)file.Edition);
        }

        foreach (ImportSyntax import in file.Imports)
        {
            if (import.Kind == ImportKind.Option)
            {
                w.WriteStringField(15, import.Path);
            }
        }

        return w.ToArray();
    }

    private void WriteOptions(ProtoWriter w, int number, ElementSyntax element)
    {
        ElementOptions options = _options[element];
        if (_retain && options.RetainedBytes is { } retained)
        {
            w.WriteBytesField(number, retained);
        }
        else if (options.Bytes is { } bytes)
        {
            w.WriteBytesField(number, bytes);
        }
        else if (element.HasOptions && !options.Dropped)
        {
            w.WriteBytesField(number, []);
        }
    }

    private void WriteMessage(ProtoWriter w, MessageSyntax message)
    {
        w.WriteStringField(1, message.Name);
        foreach (FieldSyntax field in message.Fields)
        {
            w.WriteMessageField(2, inner => WriteField(inner, field));
        }

        foreach (MessageSyntax nested in message.NestedTypes)
        {
            w.WriteMessageField(3, inner => WriteMessage(inner, nested));
        }

        foreach (EnumSyntax enumType in message.Enums)
        {
            w.WriteMessageField(4, inner => WriteEnum(inner, enumType));
        }

        foreach (RangeSyntax range in message.ExtensionRanges)
        {
            w.WriteMessageField(5, inner =>
            {
                inner.WriteInt32Field(1, range.Start);
                inner.WriteInt32Field(2, range.End);
                WriteOptions(inner, 3, range);
            });
        }

        foreach (FieldSyntax extension in message.Extensions)
        {
            w.WriteMessageField(6, inner => WriteField(inner, extension));
        }

        WriteOptions(w, 7, message);
        foreach (OneofSyntax oneof in message.Oneofs)
        {
            w.WriteMessageField(8, inner =>
            {
                inner.WriteStringField(1, oneof.Name);
                WriteOptions(inner, 2, oneof);
            });
        }

        foreach (RangeSyntax range in message.ReservedRanges)
        {
            w.WriteMessageField(9, inner =>
            {
                inner.WriteInt32Field(1, range.Start);
                inner.WriteInt32Field(2, range.End);
            });
        }

        foreach (ReservedNameSyntax name in message.ReservedNames)
        {
            w.WriteStringField(10, name.Name);
        }

        if (message.Visibility != SymbolVisibility.Unset)
        {
            w.WriteInt32Field(11, (int)message.Visibility);
        }
    }

    private void WriteField(ProtoWriter w, FieldSyntax field)
    {
        ResolvedField resolved = _file[field];
        w.WriteStringField(1, field.Name);
        if (resolved.Extendee is { } extendee)
        {
            w.WriteStringField(2, extendee);
        }

        w.WriteInt32Field(3, field.Number);
        w.WriteInt32Field(4, (int)field.Label);
        FieldType type = resolved.Type != FieldType.None ? resolved.Type : field.Type;
        if (type != FieldType.None)
        {
            w.WriteInt32Field(5, (int)type);
        }

        if (resolved.TypeName is { } typeName)
        {
            w.WriteStringField(6, typeName);
        }

        if (resolved.DefaultValue is { } defaultValue)
        {
            w.WriteStringField(7, defaultValue);
        }

        WriteOptions(w, 8, field);
        if (field.OneofIndex is { } oneofIndex)
        {
            w.WriteInt32Field(9, oneofIndex);
        }

        w.WriteStringField(10, field.DescriptorJsonName);
        if (field.Proto3Optional)
        {
            w.WriteBoolField(17, true);
        }
    }

    private void WriteEnum(ProtoWriter w, EnumSyntax enumType)
    {
        w.WriteStringField(1, enumType.Name);
        foreach (EnumValueSyntax value in enumType.Values)
        {
            w.WriteMessageField(2, inner =>
            {
                inner.WriteStringField(1, value.Name);
                inner.WriteInt32Field(2, value.Number);
                WriteOptions(inner, 3, value);
            });
        }

        WriteOptions(w, 3, enumType);
        foreach (RangeSyntax range in enumType.ReservedRanges)
        {
            w.WriteMessageField(4, inner =>
            {
                inner.WriteInt32Field(1, range.Start);
                inner.WriteInt32Field(2, range.End);
            });
        }

        foreach (ReservedNameSyntax name in enumType.ReservedNames)
        {
            w.WriteStringField(5, name.Name);
        }

        if (enumType.Visibility != SymbolVisibility.Unset)
        {
            w.WriteInt32Field(6, (int)enumType.Visibility);
        }
    }

    private void WriteService(ProtoWriter w, ServiceSyntax service)
    {
        w.WriteStringField(1, service.Name);
        foreach (MethodSyntax method in service.Methods)
        {
            w.WriteMessageField(2, inner =>
            {
                ResolvedMethod resolved = _file[method];
                inner.WriteStringField(1, method.Name);
                inner.WriteStringField(2, resolved.InputType ?? method.InputType);
                inner.WriteStringField(3, resolved.OutputType ?? method.OutputType);
                WriteOptions(inner, 4, method);
                if (method.ClientStreaming)
                {
                    inner.WriteBoolField(5, true);
                }

                if (method.ServerStreaming)
                {
                    inner.WriteBoolField(6, true);
                }
            });
        }

        WriteOptions(w, 3, service);
    }
}
