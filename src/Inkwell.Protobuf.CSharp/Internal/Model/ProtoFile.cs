using System.Collections.Generic;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>A linked .proto file: its descriptor, its C# names and its top-level definitions.</summary>
internal sealed class ProtoFile
{
    public ProtoFile(FileDescriptorProto proto)
    {
        Proto = proto;
        Syntax = proto.Syntax switch
        {
            "proto3" => ProtoSyntax.Proto3,
            "editions" => ProtoSyntax.Editions,
            _ => ProtoSyntax.Proto2,
        };
        Namespace = proto.Options is { HasCsharpNamespace: true }
            ? proto.Options.CsharpNamespace
            : Names.UnderscoresToCamelCase(proto.Package, capitalizeNext: true, preservePeriod: true);
        FileNameBase = Names.FileNameBase(proto.Name);
    }

    public FileDescriptorProto Proto { get; }

    public string Name => Proto.Name;

    public string Package => Proto.Package;

    public ProtoSyntax Syntax { get; }

    /// <summary>The C# namespace: <c>csharp_namespace</c>, else the package in PascalCase.</summary>
    public string Namespace { get; }

    /// <summary>The file name without folders and extension, in PascalCase (<c>foo_bar.proto</c> → <c>FooBar</c>).</summary>
    public string FileNameBase { get; }

    public string ReflectionClassName => Qualify(FileNameBase + "Reflection");

    public string ExtensionsClassUnqualifiedName => FileNameBase + "Extensions";

    public List<ProtoFile> Dependencies { get; } = [];

    public List<ProtoMessage> Messages { get; } = [];

    public List<ProtoEnum> Enums { get; } = [];

    public List<ProtoField> Extensions { get; } = [];

    public List<ProtoService> Services { get; } = [];

    /// <summary>The features every definition in this file starts from.</summary>
    public ResolvedFeatures Features { get; set; } = ResolvedFeatures.Proto2;

    public string Qualify(string name) => "global::" + (Namespace.Length == 0 ? "" : Namespace + ".") + name;
}
