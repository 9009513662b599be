using Google.Protobuf;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Descriptors;

/// <summary>
/// A precompiled file's descriptor as protoc writes it again (<c>-o</c>, plugin requests): protoc builds the file from
/// the set and copies it out, which fills every field's <c>json_name</c> and keeps source info only when asked.
/// </summary>
internal static class PrecompiledDescriptor
{
    public static byte[] Write(FileDescriptorProto precompiled, bool includeSourceInfo)
    {
        FileDescriptorProto copy = precompiled.Clone();
        if (!includeSourceInfo)
        {
            copy.SourceCodeInfo = null;
        }

        foreach (FieldDescriptorProto field in copy.Extension.Concat(copy.MessageType.SelectMany(AllFields)))
        {
            if (!field.HasJsonName)
            {
                field.JsonName = JsonNames.Default(field.Name);
            }
        }

        return copy.ToByteArray();
    }

    private static IEnumerable<FieldDescriptorProto> AllFields(DescriptorProto message) =>
        message.Field.Concat(message.Extension).Concat(message.NestedType.SelectMany(AllFields));
}
