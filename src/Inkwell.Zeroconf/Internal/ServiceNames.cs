using System.Text;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Internal;

/// <summary>Validation and parsing of DNS-SD names (RFC 6763 §4.1, §7).</summary>
internal static class ServiceNames
{
    public static readonly DnsName Local = DnsName.FromLabels("local");

    /// <summary>Checks an instance name: 1–63 bytes of UTF-8, no control characters (§4.1.1).</summary>
    public static void ValidateInstance(string instance, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(instance, parameterName);
        int bytes = Encoding.UTF8.GetByteCount(instance);
        if (bytes > DnsName.MaxLabelLength)
        {
            throw new ArgumentException($"Instance name '{instance}' is {bytes} bytes of UTF-8; the limit is 63 (RFC 6763 §4.1.1).", parameterName);
        }
        if (instance.Any(char.IsControl))
        {
            throw new ArgumentException($"Instance name '{instance}' contains a control character (RFC 6763 §4.1.1).", parameterName);
        }
    }

    /// <summary>
    /// Parses "_name._tcp" (or "_sub1._sub._name._tcp" for a subtype browse) with a multicast domain (empty
    /// or "local") into the name to query. The service name is 1–15 characters of letters, digits and hyphens (§7).
    /// </summary>
    public static DnsName ParseServiceType(string serviceType, string? domain, string parameterName)
    {
        CheckDomain(domain, parameterName);
        return ParseServiceTypeIn(serviceType, Local, parameterName);
    }

    /// <summary>Parses a service type (as <see cref="ParseServiceType"/>) under any domain, e.g. "example.test".</summary>
    public static DnsName ParseServiceTypeIn(string serviceType, DnsName domain, string parameterName)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceType, parameterName);
        string[] labels = serviceType.TrimEnd('.').Split('.');
        if (labels.Length >= 2 && domain == Local && labels[^1].Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            labels = labels[..^1];
        }
        bool isSubtype = labels.Length == 4 && labels[1].Equals("_sub", StringComparison.OrdinalIgnoreCase);
        if (!(labels.Length == 2 || isSubtype))
        {
            throw new ArgumentException($"Service type '{serviceType}' must look like '_name._tcp' or '_subtype._sub._name._tcp'.", parameterName);
        }
        string protocol = labels[^1], name = labels[^2];
        if (!protocol.Equals("_tcp", StringComparison.OrdinalIgnoreCase) && !protocol.Equals("_udp", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Service type '{serviceType}' must end in _tcp or _udp (RFC 6763 §7).", parameterName);
        }
        if (name.Length is < 2 or > 16 || name[0] != '_' || !name[1..].All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            throw new ArgumentException($"Service name '{name}' must be '_' and 1–15 letters, digits or hyphens (RFC 6763 §7).", parameterName);
        }
        if (isSubtype)
        {
            ValidateSubtype(labels[0], parameterName);
        }
        return DnsName.FromLabels([.. labels, .. domain.Labels]);
    }

    /// <summary>A domain as a name: empty or null is "local"; anything else must be a valid DNS name.</summary>
    public static DnsName ParseDomain(string? domain, string parameterName)
    {
        if (string.IsNullOrEmpty(domain) || domain == ".")
        {
            return Local;
        }
        try
        {
            DnsName name = DnsName.Parse(domain);
            return name == Local ? Local : name;
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Domain '{domain}' is not a valid DNS name: {e.Message}", parameterName, e);
        }
    }

    /// <summary>Whether a domain is served by multicast DNS: "local" and names under it (RFC 6762 §3).</summary>
    public static bool IsMulticast(DnsName domain) => domain.EndsWith(Local);

    public static void ValidateSubtype(string subtype, string parameterName)
    {
        if (string.IsNullOrEmpty(subtype) || Encoding.UTF8.GetByteCount(subtype) > DnsName.MaxLabelLength)
        {
            throw new ArgumentException($"Subtype '{subtype}' must be 1–63 bytes (RFC 6763 §7.1).", parameterName);
        }
    }

    /// <summary>Throws unless the domain is empty or "local": what multicast DNS (and so every mDNS backend) serves.</summary>
    public static void CheckDomain(string? domain, string parameterName)
    {
        if (!string.IsNullOrEmpty(domain) && domain.TrimEnd('.') is { } d && d.Length > 0 && !d.Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Domain '{domain}' is not served by multicast DNS; use 'local', or configure a wide-area DNS server (DnsServiceDiscoveryOptions.WideArea).", parameterName);
        }
    }

    /// <summary>"_daap._tcp" from "_daap._tcp.local".</summary>
    public static string TypeText(DnsName serviceTypeName) => string.Join('.', serviceTypeName.Labels.Take(serviceTypeName.Labels.Count - 1));

    /// <summary>Splits "Instance._daap._tcp.local" into instance and type; false if it is not an instance name.</summary>
    public static bool TrySplitInstance(DnsName name, out string instance, out DnsName type)
    {
        instance = "";
        type = DnsName.Root;
        if (name.Labels.Count < 4 || !name.EndsWith(Local))
        {
            return false;
        }
        instance = name.Labels[0];
        type = name.Skip(1);
        return true;
    }
}
