using System.Globalization;
using System.Text;
using Google.Protobuf.Reflection;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// <c>--print_free_field_numbers</c>: for each message of the inputs (nested ones first, then the message), the
/// numbers no field, extension range or reserved range takes, in protoc's layout.
/// </summary>
internal static class FreeFieldNumbers
{
    private const int MaxFieldNumber = 536_870_911;

    public static string Format(IEnumerable<FileDescriptorProto> files)
    {
        var text = new StringBuilder();
        foreach (FileDescriptorProto file in files)
        {
            string prefix = file.Package.Length > 0 ? file.Package + "." : "";
            foreach (DescriptorProto message in file.MessageType)
            {
                Print(message, prefix + message.Name, text);
            }
        }

        return text.ToString();
    }

    private static void Print(DescriptorProto message, string fullName, StringBuilder text)
    {
        foreach (DescriptorProto nested in message.NestedType)
        {
            Print(nested, fullName + "." + nested.Name, text);
        }

        // Occupied [start, end) ranges, ordered as protoc's set of pairs orders them.
        var ranges = new SortedSet<(int Start, int End)>(
            message.Field.Select(f => (f.Number, f.Number + 1))
                .Concat(message.ExtensionRange.Select(r => (r.Start, r.End)))
                .Concat(message.ReservedRange.Select(r => (r.Start, r.End))));
        var line = new StringBuilder(fullName.PadRight(35)).Append(" free:");
        int next = 1;
        foreach ((int start, int end) in ranges)
        {
            if (next >= end)
            {
                continue;
            }

            if (next < start)
            {
                line.Append(' ').Append(next.ToString(CultureInfo.InvariantCulture));
                if (next + 1 != start)
                {
                    line.Append('-').Append((start - 1).ToString(CultureInfo.InvariantCulture));
                }
            }

            next = end;
        }

        if (next <= MaxFieldNumber)
        {
            line.Append(' ').Append(next.ToString(CultureInfo.InvariantCulture)).Append("-INF");
        }

        text.Append(line).Append('\n');
    }
}
