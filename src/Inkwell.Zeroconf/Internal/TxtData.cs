using System.Text;

namespace Inkwell.Zeroconf.Internal;

/// <summary>DNS-SD TXT key/value strings (RFC 6763 §6).</summary>
internal static class TxtData
{
    /// <summary>Encodes entries as "key=value" or "key" strings, checking §6.4's rules for keys and §6.1's 255-byte limit.</summary>
    public static List<byte[]> Encode(IReadOnlyList<KeyValuePair<string, string?>> entries)
    {
        var strings = new List<byte[]>(entries.Count);
        foreach ((string key, string? value) in entries)
        {
            if (string.IsNullOrEmpty(key) || key.Any(c => c is < (char)0x20 or > (char)0x7E or '='))
            {
                throw new ArgumentException($"TXT key '{key}' must be printable ASCII without '=' (RFC 6763 §6.4).", nameof(entries));
            }
            byte[] bytes = Encoding.UTF8.GetBytes(value is null ? key : $"{key}={value}");
            if (bytes.Length > 255)
            {
                throw new ArgumentException($"TXT entry '{key}' is {bytes.Length} bytes; the limit is 255 (RFC 6763 §6.1).", nameof(entries));
            }
            strings.Add(bytes);
        }
        return strings;
    }

    /// <summary>Decodes strings into a case-insensitive dictionary: first duplicate wins, no '=' means a boolean (null value).</summary>
    public static Dictionary<string, string?> Decode(IEnumerable<byte[]> strings)
    {
        var result = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (byte[] s in strings)
        {
            string text = Encoding.UTF8.GetString(s);
            int equals = text.IndexOf('=', StringComparison.Ordinal);
            string key = equals < 0 ? text : text[..equals];
            if (key.Length == 0)
            {
                continue; // §6.4: strings starting with '=' are ignored
            }
            result.TryAdd(key, equals < 0 ? null : text[(equals + 1)..]);
        }
        return result;
    }
}
