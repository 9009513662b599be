using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>An <see cref="AvahiRegistration"/> seen through the library's <see cref="ServiceRegistration"/>.</summary>
internal sealed class AvahiServiceRegistration(AvahiRegistration registration, ServiceProfile profile) : ServiceRegistration
{
    public override string Name => registration.Name;

    public override string ServiceType => profile.ServiceType;

    public override string Domain => profile.Domain;

    public override int Port => profile.Port;

    public override async ValueTask UpdateTxtAsync(IReadOnlyList<KeyValuePair<string, string?>> txt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(txt);
        await registration.UpdateTxtAsync(TxtData.Encode(txt), cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask DisposeAsync() => registration.DisposeAsync();
}
