namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>
/// A ServiceResolver's <c>Found</c>: the SRV target and port, one address of the target, and the TXT strings
/// exactly as they are on the wire (each a byte array; Avahi does not require them to be key=value or UTF-8).
/// </summary>
internal sealed record AvahiResolvedService(
    int Interface,
    AvahiProtocol Protocol,
    string Name,
    string Type,
    string Domain,
    string Host,
    AvahiProtocol AddressProtocol,
    string Address,
    ushort Port,
    IReadOnlyList<byte[]> Txt,
    AvahiLookupResultFlags Flags);
