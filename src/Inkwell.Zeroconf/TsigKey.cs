using System.Text;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.WideArea;

namespace Inkwell.Zeroconf;

/// <summary>
/// A shared secret for signing DNS messages with TSIG (RFC 8945): the key's name, its HMAC algorithm and
/// the secret. The server must know the same key (BIND: a <c>key</c> statement, as <c>tsig-keygen</c> prints it).
/// </summary>
public sealed class TsigKey
{
    private static readonly string[] s_algorithms = ["hmac-sha256", "hmac-sha384", "hmac-sha512", "hmac-sha1"];

    private readonly byte[] _secret;

    /// <summary>Creates a key.</summary>
    /// <param name="name">The key's name, e.g. "inkwell-key" (a DNS name; compared case-insensitively).</param>
    /// <param name="algorithm">"hmac-sha256" (RFC 8945's mandatory one), "hmac-sha384", "hmac-sha512" or "hmac-sha1".</param>
    /// <param name="secret">The shared secret (what a key file holds in base64).</param>
    public TsigKey(string name, string algorithm, ReadOnlySpan<byte> secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(algorithm);
        string normalized = algorithm.TrimEnd('.').ToLowerInvariant();
        if (!s_algorithms.Contains(normalized))
        {
            throw new ArgumentException($"TSIG algorithm '{algorithm}' is not supported; use one of {string.Join(", ", s_algorithms)}.", nameof(algorithm));
        }
        if (secret.IsEmpty)
        {
            throw new ArgumentException("A TSIG secret cannot be empty.", nameof(secret));
        }
        Name = name.TrimEnd('.');
        WireName = DnsName.Parse(Name);
        Algorithm = normalized;
        AlgorithmName = DnsName.Parse(normalized);
        _secret = secret.ToArray();
    }

    /// <summary>The key's name, without a trailing dot.</summary>
    public string Name { get; }

    /// <summary>The algorithm in lower case, e.g. "hmac-sha256".</summary>
    public string Algorithm { get; }

    internal DnsName WireName { get; }

    internal DnsName AlgorithmName { get; }

    internal ReadOnlySpan<byte> Secret => _secret;

    /// <summary>
    /// Reads the first <c>key "name" { algorithm hmac-sha256; secret "base64"; };</c> statement of BIND's
    /// configuration syntax (what <c>tsig-keygen</c> and <c>ddns-confgen</c> print; comments allowed).
    /// Throws <see cref="FormatException"/> naming the line and column of what is wrong.
    /// </summary>
    /// <param name="text">The key file's text.</param>
    /// <param name="source">A name for the text in error messages, e.g. the file's path.</param>
    public static TsigKey Parse(string text, string source = "key")
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new BindConfigTokenizer(text, source);
        tokens.Expect("key");
        (string name, _) = tokens.Next("a key name");
        tokens.Expect("{");
        string? algorithm = null, secret = null;
        (int Line, int Column) secretAt = default;
        while (true)
        {
            (string word, (int Line, int Column) at) = tokens.Next("'algorithm', 'secret' or '}'");
            if (word == "}")
            {
                break;
            }
            (string value, (int Line, int Column) valueAt) = tokens.Next($"a value for '{word}'");
            tokens.Expect(";");
            switch (word.ToLowerInvariant())
            {
                case "algorithm":
                    if (!s_algorithms.Contains(value.ToLowerInvariant()))
                    {
                        throw new FormatException($"{source}:{valueAt.Line}:{valueAt.Column}: TSIG algorithm '{value}' is not supported; use one of {string.Join(", ", s_algorithms)}.");
                    }
                    algorithm = value;
                    break;
                case "secret":
                    secret = value;
                    secretAt = valueAt;
                    break;
                default:
                    throw new FormatException($"{source}:{at.Line}:{at.Column}: unknown key clause '{word}'; expected 'algorithm' or 'secret'.");
            }
        }
        if (algorithm is null || secret is null)
        {
            throw new FormatException($"{source}: key '{name}' needs both 'algorithm' and 'secret'.");
        }
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(secret);
        }
        catch (FormatException)
        {
            throw new FormatException($"{source}:{secretAt.Line}:{secretAt.Column}: the secret of key '{name}' is not valid base64.");
        }
        if (bytes.Length == 0)
        {
            throw new FormatException($"{source}:{secretAt.Line}:{secretAt.Column}: the secret of key '{name}' is empty.");
        }
        try
        {
            return new TsigKey(name, algorithm, bytes);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"{source}: key '{name}': {e.Message}", e);
        }
    }

    /// <summary>Reads a BIND key file (see <see cref="Parse"/>).</summary>
    public static TsigKey Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path, Encoding.UTF8), path);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Name} ({Algorithm})";
}
