namespace Inkwell.Testing;

/// <summary>
/// The <c>named.conf</c> both BIND labs run: authoritative only (no recursion, no DNSSEC validation, no NOTIFY), no
/// control channel, no IPv6, the per-run TSIG key included, and zones that are either dynamic (the key may update
/// anything in them) or static (no key may). <see cref="BindLab"/> listens on 127.0.0.1 and a random port;
/// <c>BindNetnsLab</c> on port 53 inside its namespace.
/// </summary>
internal static class NamedConfig
{
    /// <summary>Writes <c>named.conf</c> into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory, string listenOn, int port, string keyFile, params string[] zones)
    {
        string path = Path.Combine(directory, "named.conf");
        File.WriteAllText(path, $$"""
            options {
                directory "{{directory}}";
                pid-file "{{directory}}/named.pid";
                session-keyfile "{{directory}}/session.key";
                managed-keys-directory "{{directory}}";
                listen-on port {{port}} { {{listenOn}} };
                listen-on-v6 { none; };
                recursion no;
                dnssec-validation no;
                notify no;
            };
            controls { };
            include "{{keyFile}}";
            {{string.Join("\n", zones)}}

            """);
        return path;
    }

    /// <summary>A zone served from <c>ZONE.db</c> that key <paramref name="keyName"/> may update.</summary>
    public static string DynamicZone(string zone, string keyName) =>
        $$"""zone "{{zone}}" { type primary; file "{{zone}}.db"; update-policy { grant {{keyName}} zonesub ANY; }; };""";

    /// <summary>A zone served from <c>ZONE.db</c> that no key may update (updates are REFUSED).</summary>
    public static string StaticZone(string zone) => $$"""zone "{{zone}}" { type primary; file "{{zone}}.db"; };""";
}
