using System.Text;

namespace Inkwell.Zeroconf.Dns;

/// <summary>
/// A domain name as a list of labels. Labels are UTF-8 on the wire and may contain dots (DNS-SD
/// instance names do, RFC 6763 §4.3), so a name is never split on '.' once built. Names compare
/// case-insensitively for ASCII letters only (RFC 6762 §16).
/// </summary>
internal sealed class DnsName : IEquatable<DnsName>
{
    /// <summary>Longest name on the wire, including length bytes and the root (RFC 1035 §2.3.4).</summary>
    public const int MaxWireLength = 255;

    /// <summary>Longest label (RFC 1035 §2.3.4).</summary>
    public const int MaxLabelLength = 63;

    private readonly string[] _labels;
    private string? _text;
    private int _hash;
    private byte[][]? _utf8Labels;

    private DnsName(string[] labels) => _labels = labels;

    /// <summary>The root name.</summary>
    public static DnsName Root { get; } = new([]);

    /// <summary>The labels, leftmost first.</summary>
    public IReadOnlyList<string> Labels => _labels;

    /// <summary>
    /// The labels as UTF-8, encoded once: the responder compares names in received packets against
    /// its own without decoding them (answering a query allocates nothing).
    /// </summary>
    internal byte[][] Utf8Labels => _utf8Labels ??= Array.ConvertAll(_labels, Encoding.UTF8.GetBytes);

    /// <summary>Length of the uncompressed wire form.</summary>
    public int WireLength
    {
        get
        {
            int length = 1;
            foreach (string label in _labels)
            {
                length += 1 + Encoding.UTF8.GetByteCount(label);
            }
            return length;
        }
    }

    /// <summary>Builds a name from labels; throws <see cref="ArgumentException"/> when a label or the name is too long.</summary>
    public static DnsName FromLabels(params IEnumerable<string> labels)
    {
        string[] array = [.. labels];
        int length = 1;
        foreach (string label in array)
        {
            int bytes = Encoding.UTF8.GetByteCount(label);
            if (bytes is 0 or > MaxLabelLength)
            {
                throw new ArgumentException($"DNS label '{label}' must be 1 to {MaxLabelLength} bytes of UTF-8.", nameof(labels));
            }
            length += 1 + bytes;
        }
        if (length > MaxWireLength)
        {
            throw new ArgumentException($"DNS name is {length} bytes; the limit is {MaxWireLength}.", nameof(labels));
        }
        return new DnsName(array);
    }

    /// <summary>Builds a name from labels already checked by the wire reader.</summary>
    internal static DnsName FromCheckedLabels(string[] labels) => labels.Length == 0 ? Root : new DnsName(labels);

    /// <summary>
    /// Parses presentation form: labels separated by '.', with "\." for a literal dot and "\\" for a
    /// backslash (the escaping dns-sd and Avahi print). A trailing dot is allowed.
    /// </summary>
    public static DnsName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var labels = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
            }
            else if (c == '.')
            {
                if (current.Length == 0)
                {
                    if (i == text.Length - 1)
                    {
                        break;
                    }
                    throw new ArgumentException($"DNS name '{text}' has an empty label at position {i}.", nameof(text));
                }
                labels.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        if (current.Length > 0)
        {
            labels.Add(current.ToString());
        }
        return FromLabels(labels);
    }

    /// <summary>This name with <paramref name="label"/> in front.</summary>
    public DnsName Prepend(string label) => FromLabels([label, .. _labels]);

    /// <summary>This name followed by <paramref name="suffix"/>.</summary>
    public DnsName Append(DnsName suffix) => FromLabels([.. _labels, .. suffix._labels]);

    /// <summary>The name without its first <paramref name="count"/> labels.</summary>
    public DnsName Skip(int count) => count >= _labels.Length ? Root : new DnsName(_labels[count..]);

    /// <summary>Whether this name ends with <paramref name="suffix"/>.</summary>
    public bool EndsWith(DnsName suffix)
    {
        int offset = _labels.Length - suffix._labels.Length;
        if (offset < 0)
        {
            return false;
        }
        for (int i = 0; i < suffix._labels.Length; i++)
        {
            if (!LabelEquals(_labels[offset + i], suffix._labels[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>ASCII case-insensitive comparison of two labels (RFC 6762 §16: no Unicode case folding).</summary>
    public static bool LabelEquals(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (int i = 0; i < a.Length; i++)
        {
            if (ToLowerAscii(a[i]) != ToLowerAscii(b[i]))
            {
                return false;
            }
        }
        return true;
    }

    internal static char ToLowerAscii(char c) => c is >= 'A' and <= 'Z' ? (char)(c | 0x20) : c;

    /// <inheritdoc/>
    public bool Equals(DnsName? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || other._labels.Length != _labels.Length)
        {
            return false;
        }
        for (int i = 0; i < _labels.Length; i++)
        {
            if (!LabelEquals(_labels[i], other._labels[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DnsName);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        if (_hash == 0)
        {
            var hash = new HashCode();
            foreach (string label in _labels)
            {
                foreach (char c in label)
                {
                    hash.Add(ToLowerAscii(c));
                }
                hash.Add('.');
            }
            _hash = hash.ToHashCode() | 1;
        }
        return _hash;
    }

    /// <summary>Presentation form with '.' and '\' inside labels escaped; the root is ".".</summary>
    public override string ToString()
    {
        if (_text is null)
        {
            if (_labels.Length == 0)
            {
                _text = ".";
            }
            else
            {
                var builder = new StringBuilder();
                foreach (string label in _labels)
                {
                    if (builder.Length > 0)
                    {
                        builder.Append('.');
                    }
                    foreach (char c in label)
                    {
                        if (c is '.' or '\\')
                        {
                            builder.Append('\\');
                        }
                        builder.Append(c);
                    }
                }
                _text = builder.ToString();
            }
        }
        return _text;
    }

    /// <summary>Equality operator (case-insensitive).</summary>
    public static bool operator ==(DnsName? left, DnsName? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(DnsName? left, DnsName? right) => !(left == right);
}
