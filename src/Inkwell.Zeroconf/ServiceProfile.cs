namespace Inkwell.Zeroconf;

/// <summary>A service to announce: instance name, type, port, TXT data and subtypes.</summary>
public sealed class ServiceProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="instanceName">Up to 63 bytes of UTF-8, no control characters; dots are allowed (RFC 6763 §4.1.1).</param>
    /// <param name="serviceType">"_name._tcp" or "_name._udp", the name at most 15 characters (RFC 6763 §7).</param>
    /// <param name="port">The port the service listens on.</param>
    public ServiceProfile(string instanceName, string serviceType, int port)
    {
        InstanceName = instanceName;
        ServiceType = serviceType;
        Port = port;
    }

    /// <summary>The name asked for; the registration tells the final one after any conflict rename.</summary>
    public string InstanceName { get; }

    /// <summary>The service type, e.g. "_daap._tcp".</summary>
    public string ServiceType { get; }

    /// <summary>The port.</summary>
    public int Port { get; }

    /// <summary>The domain; only "local" is served by multicast DNS.</summary>
    public string Domain { get; init; } = "local";

    /// <summary>TXT keys and values, in order; a null value is a boolean key written without '=' (RFC 6763 §6.4).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Txt { get; init; } = [];

    /// <summary>Subtypes, e.g. "_printer" for "_printer._sub._http._tcp" (RFC 6763 §7.1).</summary>
    public IReadOnlyList<string> Subtypes { get; init; } = [];
}
