using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.Tests.Inheritance;

/// <summary>
/// Reads the options of <c>inkwell/inheritance.proto</c> from a message descriptor by field number, the way any
/// protobuf runtime without generated code for them would: <c>(inkwell.base)</c> is 77001, <c>(inkwell.subtype)</c> 77002.
/// </summary>
internal static class InheritanceOptions
{
    /// <summary>The option's fields by number (strings and varints), or null when the message has no such option.</summary>
    public static Dictionary<int, object>? Read(DescriptorProto message, int optionNumber)
    {
        if (message.Options is null)
        {
            return null;
        }

        var input = new CodedInputStream(message.Options.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) != optionNumber)
            {
                input.SkipLastField();
                continue;
            }

            var fields = new Dictionary<int, object>();
            var inner = new CodedInputStream(input.ReadBytes().ToByteArray());
            uint innerTag;
            while ((innerTag = inner.ReadTag()) != 0)
            {
                fields[WireFormat.GetTagFieldNumber(innerTag)] = WireFormat.GetTagWireType(innerTag) == WireFormat.WireType.LengthDelimited
                    ? inner.ReadString()
                    : (object)inner.ReadInt32();
            }

            return fields;
        }

        return null;
    }
}
