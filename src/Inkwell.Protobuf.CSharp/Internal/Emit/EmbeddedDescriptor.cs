using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// The descriptor bytes embedded in generated code, as protoc embeds them: no source info, and
/// <c>json_name</c> only where it differs from the default (protoc embeds it only when written in the
/// .proto; a descriptor set always carries it, and an explicit name equal to the default cannot be told apart).
/// </summary>
internal static class EmbeddedDescriptor
{
    public static byte[] Serialize(FileDescriptorProto file)
    {
        FileDescriptorProto copy = file.Clone();
        copy.SourceCodeInfo = null;
        foreach (DescriptorProto message in copy.MessageType)
        {
            Strip(message);
        }
        foreach (FieldDescriptorProto extension in copy.Extension)
        {
            StripJsonName(extension);
        }
        return copy.ToByteArray();
    }

    private static void Strip(DescriptorProto message)
    {
        foreach (FieldDescriptorProto field in message.Field)
        {
            StripJsonName(field);
        }
        foreach (FieldDescriptorProto extension in message.Extension)
        {
            StripJsonName(extension);
        }
        foreach (DescriptorProto nested in message.NestedType)
        {
            Strip(nested);
        }
    }

    private static void StripJsonName(FieldDescriptorProto field)
    {
        if (field.HasJsonName && field.JsonName == DefaultJsonName(field.Name))
        {
            field.ClearJsonName();
        }
    }

    /// <summary>protoc's <c>ToJsonName</c>: drop underscores and capitalize the letter after each.</summary>
    private static string DefaultJsonName(string name)
    {
        var result = new System.Text.StringBuilder(name.Length);
        bool capitalizeNext = false;
        foreach (char c in name)
        {
            if (c == '_')
            {
                capitalizeNext = true;
            }
            else if (capitalizeNext)
            {
                result.Append(char.ToUpperInvariant(c));
                capitalizeNext = false;
            }
            else
            {
                result.Append(c);
            }
        }
        return result.ToString();
    }
}
