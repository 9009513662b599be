using System;
using System.Collections.Generic;
using System.Linq;
using Inkwell.Protobuf.CSharp.Internal.Emit.Fields;
using Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// Writes the <c>…Reflection</c> class: the file's serialized descriptor (base64, as protoc embeds it)
/// and the tree of <c>GeneratedClrTypeInfo</c> that binds descriptors to the generated CLR types.
/// </summary>
internal sealed class ReflectionEmitter(EmitContext context)
{
    public void Emit()
    {
        CodeWriter w = context.Writer;
        ProtoFile file = context.File;
        string className = file.FileNameBase + "Reflection";
        w.Line($"/// <summary>Holder for reflection information generated from {file.Name}</summary>");
        w.Open($"{context.AccessLevel} static partial class {className}");
        w.Line();
        w.Line("#region Descriptor");
        w.Line($"/// <summary>File descriptor for {file.Name}</summary>");
        w.Open("public static pbr::FileDescriptor Descriptor");
        w.Line("get { return descriptor; }");
        w.Close();
        w.Line("private static pbr::FileDescriptor descriptor;");
        w.Line();
        w.Open($"static {className}()");
        w.Line("byte[] descriptorData = global::System.Convert.FromBase64String(");
        w.Indent();
        w.Indent();
        w.Line("string.Concat(");
        w.Indent();
        string base64 = Convert.ToBase64String(EmbeddedDescriptor.Serialize(file.Proto));
        while (base64.Length > 60)
        {
            w.Line($"\"{base64.Substring(0, 60)}\",");
            base64 = base64.Substring(60);
        }
        w.Line($"\"{base64}\"));");
        w.Outdent();
        w.Outdent();
        w.Outdent();
        w.Line("descriptor = pbr::FileDescriptor.FromGeneratedCode(descriptorData,");
        w.Write("    new pbr::FileDescriptor[] { ");
        foreach (ProtoFile dependency in file.Dependencies)
        {
            w.Write(dependency.ReflectionClassName + ".Descriptor, ");
        }
        w.Write("},\n    new pbr::GeneratedClrTypeInfo(");
        if (file.Enums.Count > 0)
        {
            w.Write("new[] {");
            foreach (ProtoEnum protoEnum in file.Enums)
            {
                w.Write($"typeof({protoEnum.ClassName}), ");
            }
            w.Write("}, ");
        }
        else
        {
            w.Write("null, ");
        }
        WriteExtensions(file.Extensions);
        if (file.Messages.Count > 0)
        {
            w.Write("new pbr::GeneratedClrTypeInfo[] {\n");
            w.Indent();
            w.Indent();
            w.Indent();
            for (int i = 0; i < file.Messages.Count; i++)
            {
                WriteTypeInfo(file.Messages[i], i == file.Messages.Count - 1);
            }
            w.Outdent();
            w.Write("\n}));\n");
            w.Outdent();
            w.Outdent();
        }
        else
        {
            w.Write("null));\n");
        }
        w.Close();
        w.Line("#endregion");
        w.Line();
        w.Close();
    }

    private void WriteExtensions(List<ProtoField> extensions)
    {
        if (extensions.Count > 0)
        {
            context.Writer.Write($"new pb::Extension[] {{ {string.Join(", ", extensions.Select(FieldEmitter.FullExtensionName))} }}, ");
        }
        else
        {
            context.Writer.Write("null, ");
        }
    }

    // A hierarchy's subtype members are not properties of their own (the subtype is the object's class):
    // reflection reaches them through hidden members (see Hierarchy/HierarchyEmitter.Reflection). Fields of a
    // hierarchy's types that reflection could not fill through their own property have hidden members too
    // (see ReflectionMember).
    private static string PropertyNameLiteral(ProtoMessage message, ProtoField field) =>
        message.Hierarchy is { } level && !level.IsLevelField(field)
            ? $"\"{(field == level.TypeField ? HierarchyMemberNames.TypeFieldProperty : HierarchyMemberNames.SubtypeProperty(field))}\""
            : $"\"{ReflectionMember.PropertyNameFor(field)}\"";

    private static string OneofNameLiteral(ProtoMessage message, string oneof) =>
        message.Hierarchy?.SubtypeOneof?.Name == oneof ? $"\"{HierarchyMemberNames.SubtypeOneof}\"" : $"\"{Names.UnderscoresToCamelCase(oneof, capitalizeNext: true)}\"";

    private void WriteTypeInfo(ProtoMessage message, bool last)
    {
        CodeWriter w = context.Writer;
        if (message.IsMapEntry)
        {
            w.Write("null, ");
            return;
        }
        // A subtype's descriptor is served by its level's reflection view.
        w.Write(message.Hierarchy is { IsRoot: false }
            ? $"new pbr::GeneratedClrTypeInfo(typeof({message.ClassName}.InkwellLevel), {message.ClassName}.InkwellLevel.Parser, "
            : $"new pbr::GeneratedClrTypeInfo(typeof({message.ClassName}), {message.MessageParserExpression}, ");
        w.Write(message.Fields.Count > 0
            ? $"new[]{{ {string.Join(", ", message.Fields.Select(f => PropertyNameLiteral(message, f)))} }}, "
            : "null, ");
        w.Write(message.Proto.OneofDecl.Count > 0
            ? $"new[]{{ {string.Join(", ", message.Proto.OneofDecl.Select(o => OneofNameLiteral(message, o.Name)))} }}, "
            : "null, ");
        w.Write(message.NestedEnums.Count > 0
            ? $"new[]{{ typeof({string.Join("), typeof(", message.NestedEnums.Select(e => e.ClassName))}) }}, "
            : "null, ");
        // A hierarchy subtype's extension of its base (EXTENSIONS) has no identifier: the subtype is the object's class.
        WriteExtensions(message.Hierarchy?.MemberInBase is { IsExtension: true } ? [] : message.Extensions);
        if (message.NestedMessages.Count > 0)
        {
            w.Write("new pbr::GeneratedClrTypeInfo[] { ");
            for (int i = 0; i < message.NestedMessages.Count; i++)
            {
                WriteTypeInfo(message.NestedMessages[i], i == message.NestedMessages.Count - 1);
            }
            w.Write("}");
        }
        else
        {
            w.Write("null");
        }
        w.Write(last ? ")" : "),\n");
    }
}
