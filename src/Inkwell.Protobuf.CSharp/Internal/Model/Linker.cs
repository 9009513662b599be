using System.Collections.Generic;
using System.Linq;
using Google.Protobuf.Reflection;
using FieldType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>
/// Links descriptor protos into the model the emitters read: every message and enum by full name,
/// field types resolved, oneofs and extensions attached, editions features resolved.
/// </summary>
internal sealed class Linker
{
    private readonly Dictionary<string, ProtoFile> _files = [];
    private readonly Dictionary<string, ProtoMessage> _messages = [];
    private readonly Dictionary<string, ProtoEnum> _enums = [];

    public Linker(IEnumerable<FileDescriptorProto> files)
    {
        var all = new List<ProtoFile>();
        foreach (FileDescriptorProto proto in files)
        {
            if (_files.ContainsKey(proto.Name))
            {
                continue;
            }
            var file = new ProtoFile(proto);
            file.Features = file.Syntax switch
            {
                ProtoSyntax.Proto2 => ResolvedFeatures.Proto2,
                ProtoSyntax.Proto3 => ResolvedFeatures.Proto3,
                _ => ResolvedFeatures.Edition2023.With(proto.Options?.Features),
            };
            _files.Add(proto.Name, file);
            all.Add(file);
            string prefix = proto.Package.Length == 0 ? "" : proto.Package + ".";
            for (int i = 0; i < proto.MessageType.Count; i++)
            {
                file.Messages.Add(DeclareMessage(proto.MessageType[i], file, null, prefix, i, [4, i]));
            }
            for (int i = 0; i < proto.EnumType.Count; i++)
            {
                file.Enums.Add(DeclareEnum(proto.EnumType[i], file, null, prefix, i, [5, i]));
            }
        }
        foreach (ProtoFile file in all)
        {
            foreach (string dependency in file.Proto.Dependency)
            {
                if (_files.TryGetValue(dependency, out ProtoFile? target))
                {
                    file.Dependencies.Add(target);
                }
                else
                {
                    throw new CSharpGenerationException($"{file.Name}: import \"{dependency}\" is not among the given files.");
                }
            }
            foreach (ProtoMessage message in file.Messages)
            {
                LinkMessage(message);
            }
            for (int i = 0; i < file.Proto.Extension.Count; i++)
            {
                ProtoField extension = LinkField(file.Proto.Extension[i], file, null, file.Features, i, [7, i]);
                extension.ContainingType = ResolveMessage(extension.Proto.Extendee, extension);
                file.Extensions.Add(extension);
            }
            string prefix = file.Package.Length == 0 ? "" : file.Package + ".";
            for (int i = 0; i < file.Proto.Service.Count; i++)
            {
                file.Services.Add(LinkService(file.Proto.Service[i], file, prefix, i));
            }
        }
        HierarchyLinker.Link(all.SelectMany(f => f.Messages).SelectMany(Flatten).ToList(), _messages);
    }

    public ProtoFile GetFile(string name) =>
        _files.TryGetValue(name, out ProtoFile? file)
            ? file
            : throw new CSharpGenerationException($"{name}: the file to generate is not among the given files.");

    private ProtoMessage DeclareMessage(DescriptorProto proto, ProtoFile file, ProtoMessage? parent, string prefix, int index, int[] path)
    {
        var message = new ProtoMessage(proto, file, parent, prefix + proto.Name, index, path);
        _messages[message.FullName] = message;
        string nestedPrefix = message.FullName + ".";
        for (int i = 0; i < proto.NestedType.Count; i++)
        {
            message.NestedMessages.Add(DeclareMessage(proto.NestedType[i], file, message, nestedPrefix, i, [.. path, 3, i]));
        }
        for (int i = 0; i < proto.EnumType.Count; i++)
        {
            message.NestedEnums.Add(DeclareEnum(proto.EnumType[i], file, message, nestedPrefix, i, [.. path, 4, i]));
        }
        return message;
    }

    private ProtoEnum DeclareEnum(EnumDescriptorProto proto, ProtoFile file, ProtoMessage? parent, string prefix, int index, int[] path)
    {
        var protoEnum = new ProtoEnum(proto, file, parent, prefix + proto.Name, index, path);
        _enums[protoEnum.FullName] = protoEnum;
        return protoEnum;
    }

    private void LinkMessage(ProtoMessage message)
    {
        ResolvedFeatures parentFeatures = message.Parent?.Features ?? message.File.Features;
        message.Features = message.File.Syntax == ProtoSyntax.Editions ? parentFeatures.With(message.Proto.Options?.Features) : parentFeatures;
        var oneofs = new ProtoOneof?[message.Proto.OneofDecl.Count];
        for (int i = 0; i < message.Proto.Field.Count; i++)
        {
            FieldDescriptorProto proto = message.Proto.Field[i];
            ResolvedFeatures features = message.Features;
            if (proto.HasOneofIndex && message.File.Syntax == ProtoSyntax.Editions)
            {
                features = features.With(message.Proto.OneofDecl[proto.OneofIndex].Options?.Features);
            }
            ProtoField field = LinkField(proto, message.File, message, features, i, [.. message.Path, 2, i]);
            field.ContainingType = message;
            if (proto.HasOneofIndex && !proto.Proto3Optional)
            {
                ProtoOneof oneof = oneofs[proto.OneofIndex] ??= new ProtoOneof(message.Proto.OneofDecl[proto.OneofIndex].Name, proto.OneofIndex);
                oneof.Fields.Add(field);
                field.RealOneof = oneof;
            }
            message.Fields.Add(field);
        }
        message.Oneofs.AddRange(oneofs.Where(o => o is not null)!);
        foreach (ProtoMessage nested in message.NestedMessages)
        {
            LinkMessage(nested);
        }
        for (int i = 0; i < message.Proto.Extension.Count; i++)
        {
            ProtoField extension = LinkField(message.Proto.Extension[i], message.File, message, message.Features, i, [.. message.Path, 6, i]);
            extension.ExtensionScope = message;
            extension.ContainingType = ResolveMessage(extension.Proto.Extendee, extension);
            message.Extensions.Add(extension);
        }
    }

    private ProtoField LinkField(FieldDescriptorProto proto, ProtoFile file, ProtoMessage? scope, ResolvedFeatures scopeFeatures, int index, int[] path)
    {
        var field = new ProtoField(proto, file, index, path)
        {
            Features = file.Syntax == ProtoSyntax.Editions ? scopeFeatures.With(proto.Options?.Features) : scopeFeatures,
        };
        FieldType type = proto.Type;
        if (proto.HasTypeName && (!proto.HasType || type is FieldType.Message or FieldType.Group or FieldType.Enum))
        {
            string name = proto.TypeName.TrimStart('.');
            if (_messages.TryGetValue(name, out ProtoMessage? messageType))
            {
                field.MessageType = messageType;
                if (type != FieldType.Group)
                {
                    type = FieldType.Message;
                }
            }
            else if (_enums.TryGetValue(name, out ProtoEnum? enumType))
            {
                field.EnumType = enumType;
                type = FieldType.Enum;
            }
            else
            {
                throw new CSharpGenerationException($"{file.Name}: type \"{proto.TypeName}\" of field \"{proto.Name}\" is not defined in the given files.");
            }
        }
        // Editions: a message field with DELIMITED encoding is a group on the wire (FieldDescriptor::type()).
        if (type == FieldType.Message
            && file.Syntax == ProtoSyntax.Editions
            && field.Features.MessageEncoding == FeatureSet.Types.MessageEncoding.Delimited
            && field.MessageType is { IsMapEntry: false }
            && scope is not { IsMapEntry: true })
        {
            type = FieldType.Group;
        }
        field.Type = type;
        return field;
    }

    private static IEnumerable<ProtoMessage> Flatten(ProtoMessage message) =>
        new[] { message }.Concat(message.NestedMessages.SelectMany(Flatten));

    private ProtoService LinkService(ServiceDescriptorProto proto, ProtoFile file, string prefix, int index)
    {
        var service = new ProtoService(proto, file, prefix + proto.Name, index);
        for (int i = 0; i < proto.Method.Count; i++)
        {
            MethodDescriptorProto method = proto.Method[i];
            service.Methods.Add(new ProtoMethod(
                method,
                ResolveMethodType(method.InputType, service, method),
                ResolveMethodType(method.OutputType, service, method),
                [.. service.Path, 2, i]));
        }
        return service;
    }

    private ProtoMessage ResolveMethodType(string typeName, ProtoService service, MethodDescriptorProto method) =>
        _messages.TryGetValue(typeName.TrimStart('.'), out ProtoMessage? message)
            ? message
            : throw new CSharpGenerationException($"{service.File.Name}: type \"{typeName}\" of method \"{service.FullName}.{method.Name}\" is not defined in the given files.");

    private ProtoMessage ResolveMessage(string typeName, ProtoField field) =>
        _messages.TryGetValue(typeName.TrimStart('.'), out ProtoMessage? message)
            ? message
            : throw new CSharpGenerationException($"{field.File.Name}: extended type \"{typeName}\" of extension \"{field.Name}\" is not defined in the given files.");
}
