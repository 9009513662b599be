using System.Globalization;
using System.Text;

namespace Inkwell.Testing.Avahi;

/// <summary>A resolved line of <c>avahi-browse -rpt</c>: <c>=;iface;proto;name;type;domain;host;address;port;"txt" "txt"</c>.</summary>
internal sealed record AvahiBrowseLine(string Interface, string Protocol, string Name, string Type, string Domain, string Host, string Address, int Port, IReadOnlyList<string> Txt)
{
    public static IReadOnlyList<AvahiBrowseLine> ParseResolved(string output)
    {
        var lines = new List<AvahiBrowseLine>();
        foreach (string line in output.Split('\n'))
        {
            if (!line.StartsWith("=;", StringComparison.Ordinal))
            {
                continue;
            }
            string[] fields = line.Split(';', 10);
            if (fields.Length < 10)
            {
                continue;
            }
            lines.Add(new AvahiBrowseLine(
                fields[1], fields[2], Unescape(fields[3]), fields[4], fields[5], fields[6], fields[7],
                int.Parse(fields[8], CultureInfo.InvariantCulture), ParseTxt(fields[9])));
        }
        return lines;
    }

    /// <summary>avahi-browse -p escapes bytes in names as <c>\DDD</c> (decimal) and '.'/'\' as <c>\.</c>/<c>\\</c>.</summary>
    private static string Unescape(string name)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < name.Length; i++)
        {
            if (name[i] == '\\' && i + 3 < name.Length && char.IsAsciiDigit(name[i + 1]))
            {
                bytes.Add(byte.Parse(name.AsSpan(i + 1, 3), CultureInfo.InvariantCulture));
                i += 3;
            }
            else if (name[i] == '\\' && i + 1 < name.Length)
            {
                bytes.Add((byte)name[++i]);
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(name[i].ToString()));
            }
        }
        return Encoding.UTF8.GetString(bytes.ToArray());
    }

    private static List<string> ParseTxt(string field)
    {
        var strings = new List<string>();
        int i = 0;
        while ((i = field.IndexOf('"', i)) >= 0)
        {
            int end = field.IndexOf('"', i + 1);
            if (end < 0)
            {
                break;
            }
            strings.Add(field[(i + 1)..end]);
            i = end + 1;
        }
        return strings;
    }
}
