using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.Avahi;

/// <content>Registering: a <see cref="ServiceProfile"/> becomes an Avahi entry group.</content>
public sealed partial class AvahiBackend
{
    /// <inheritdoc/>
    /// <remarks>Avahi renames on a collision the way avahi-client does: "Name" becomes "Name #2".</remarks>
    public async Task<ServiceRegistration> RegisterAsync(ServiceProfile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(profile.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(profile.Port, ushort.MaxValue);
        var spec = new AvahiServiceSpec(profile.InstanceName, profile.ServiceType, (ushort)profile.Port)
        {
            // "" is the daemon's default domain, which is "local" unless configured otherwise.
            Domain = string.Equals(profile.Domain, "local", StringComparison.OrdinalIgnoreCase) ? "" : profile.Domain,
            Txt = TxtData.Encode(profile.Txt),
            Subtypes = [.. profile.Subtypes.Select(subtype => $"{subtype}._sub.{profile.ServiceType}")],
        };
        AvahiRegistration registration = await _client.RegisterAsync(spec, cancellationToken).ConfigureAwait(false);
        return new AvahiServiceRegistration(registration, profile);
    }
}
