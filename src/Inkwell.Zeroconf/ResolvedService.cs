using System.Net;

namespace Inkwell.Zeroconf;

/// <summary>Where a service instance runs and what it says about itself.</summary>
/// <param name="InstanceName">The instance's name.</param>
/// <param name="ServiceType">The service type, e.g. "_daap._tcp".</param>
/// <param name="Domain">The domain, "local".</param>
/// <param name="HostName">The target host, e.g. "media-pc.local".</param>
/// <param name="Port">The port.</param>
/// <param name="Addresses">The host's addresses on the interface (IPv6 link-local ones carry the interface as scope id).</param>
/// <param name="Txt">TXT keys (case-insensitive) and values; a key without '=' maps to null (RFC 6763 §6.4).</param>
/// <param name="InterfaceName">The interface the answer came from.</param>
/// <param name="InterfaceIndex">That interface's index.</param>
/// <param name="Priority">SRV priority (lower first).</param>
/// <param name="Weight">SRV weight among equal priorities.</param>
public sealed record ResolvedService(string InstanceName, string ServiceType, string Domain, string HostName, int Port,
    IReadOnlyList<IPAddress> Addresses, IReadOnlyDictionary<string, string?> Txt, string InterfaceName, int InterfaceIndex,
    int Priority = 0, int Weight = 0);
