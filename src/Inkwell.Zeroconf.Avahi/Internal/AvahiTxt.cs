using System.Text;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>Converts between TXT strings as bytes (what Avahi's D-Bus API carries) and key/value pairs (RFC 6763 §6).</summary>
internal static class AvahiTxt
{
    /// <summary>Encodes <c>key=value</c> strings in UTF-8; a null value gives a boolean attribute (<c>key</c> alone).</summary>
    public static IReadOnlyList<byte[]> Encode(IEnumerable<KeyValuePair<string, string?>> attributes)
    {
        var strings = new List<byte[]>();
        foreach ((string key, string? value) in attributes)
        {
            if (key.Length == 0 || key.Contains('=', StringComparison.Ordinal))
            {
                throw new ArgumentException($"TXT key '{key}' is empty or contains '=' (RFC 6763 §6.4).", nameof(attributes));
            }
            byte[] bytes = Encoding.UTF8.GetBytes(value is null ? key : key + "=" + value);
            if (bytes.Length > 255)
            {
                throw new ArgumentException($"TXT string for key '{key}' is {bytes.Length} bytes; at most 255 fit (RFC 6763 §6.1).", nameof(attributes));
            }
            strings.Add(bytes);
        }
        return strings;
    }

    /// <summary>
    /// Decodes TXT strings to a dictionary: keys compare case-insensitively, the first occurrence of a key wins,
    /// a string without '=' is a boolean attribute (null value), and empty strings are skipped (RFC 6763 §6.3–6.4).
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Decode(IReadOnlyList<byte[]> strings)
    {
        var attributes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (byte[] bytes in strings)
        {
            if (bytes.Length == 0)
            {
                continue;
            }
            int equals = Array.IndexOf(bytes, (byte)'=');
            if (equals == 0)
            {
                continue; // RFC 6763 §6.4: a string starting with '=' has no key; ignore it.
            }
            string key = Encoding.UTF8.GetString(bytes, 0, equals < 0 ? bytes.Length : equals);
            string? value = equals < 0 ? null : Encoding.UTF8.GetString(bytes, equals + 1, bytes.Length - equals - 1);
            attributes.TryAdd(key, value);
        }
        return attributes;
    }
}
