using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>A service to register with avahi-daemon.</summary>
/// <param name="Name">The instance name the caller wants; the daemon may end up using another after a collision.</param>
/// <param name="Type">The service type, <c>_x._tcp</c>.</param>
/// <param name="Port">The port the service listens on.</param>
internal sealed record AvahiServiceSpec(string Name, string Type, ushort Port)
{
    /// <summary>The domain; empty means the daemon's default (<c>local</c>).</summary>
    public string Domain { get; init; } = "";

    /// <summary>The SRV target host; empty means this host.</summary>
    public string Host { get; init; } = "";

    /// <summary>TXT strings as bytes (see <see cref="Inkwell.Zeroconf.Internal.TxtData"/>); empty is fine: Avahi then publishes the single empty string RFC 6763 §6.1 wants (it rejects an explicit empty string).</summary>
    public IReadOnlyList<byte[]> Txt { get; init; } = [];

    /// <summary>Subtypes as Avahi wants them: <c>_printer._sub._http._tcp</c>.</summary>
    public IReadOnlyList<string> Subtypes { get; init; } = [];

    public int Interface { get; init; } = AvahiInterface.Unspecified;

    public AvahiProtocol Protocol { get; init; } = AvahiProtocol.Unspecified;
}
