using System.Net;

namespace Inkwell.Zeroconf.WideArea;

/// <summary>
/// The system resolver's configuration as <c>resolv.conf(5)</c> gives it: the name servers (port 53) and the
/// search list. Wide-area DNS-SD uses the first name server when none is configured, and the search list as the
/// domains to ask for browsing domains (RFC 6763 §11). Unknown lines are ignored, as the C library does.
/// </summary>
internal sealed record ResolvConf(IReadOnlyList<IPEndPoint> NameServers, IReadOnlyList<string> SearchDomains)
{
    /// <summary>Where the C library reads it; <c>ip netns exec NAME</c> mounts <c>/etc/netns/NAME/resolv.conf</c> over it.</summary>
    public const string DefaultPath = "/etc/resolv.conf";

    /// <summary>Reads and parses the file; a missing file is an empty configuration (as for the C library, which then tries 127.0.0.1).</summary>
    public static ResolvConf Load(string path) =>
        File.Exists(path) ? Parse(File.ReadAllText(path)) : new ResolvConf([], []);

    /// <summary>
    /// Parses the text: <c>nameserver ADDRESS</c> lines in order (an IPv6 address may carry a <c>%scope</c>), and the
    /// last <c>search</c> or <c>domain</c> line (the two override each other, resolv.conf(5)). '#' and ';' start comments.
    /// </summary>
    public static ResolvConf Parse(string text)
    {
        List<IPEndPoint> servers = [];
        List<string> search = [];
        foreach (string rawLine in text.Split('\n'))
        {
            string line = rawLine.Split('#', ';')[0];
            string[] words = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2)
            {
                continue;
            }
            switch (words[0])
            {
                case "nameserver":
                    if (IPAddress.TryParse(words[1], out IPAddress? address))
                    {
                        servers.Add(new IPEndPoint(address, 53));
                    }
                    break;
                case "search":
                case "domain":
                    search = [.. words.Skip(1).Select(d => d.TrimEnd('.')).Where(d => d.Length > 0)];
                    break;
            }
        }
        return new ResolvConf(servers, search);
    }
}
