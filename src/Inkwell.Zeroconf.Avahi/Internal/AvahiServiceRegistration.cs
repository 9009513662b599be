using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>An <see cref="AvahiRegistration"/> seen through the library's <see cref="ServiceRegistration"/>.</summary>
internal sealed class AvahiServiceRegistration : ServiceRegistration
{
    private readonly AvahiRegistration _registration;
    private readonly ServiceProfile _profile;

    public AvahiServiceRegistration(AvahiRegistration registration, ServiceProfile profile)
    {
        _registration = registration;
        _profile = profile;
        // Raised on the registration's loop: hand it to the thread pool so a handler may call back in (UpdateTxtAsync
        // queues to that loop) without stalling it.
        registration.Renamed += (previous, name) =>
            ThreadPool.QueueUserWorkItem(_ => OnNameChanged(new ServiceNameChangedEventArgs(previous, name)));
    }

    public override string Name => _registration.Name;

    public override string ServiceType => _profile.ServiceType;

    public override string Domain => _profile.Domain;

    public override int Port => _profile.Port;

    public override async ValueTask UpdateTxtAsync(IReadOnlyList<KeyValuePair<string, string?>> txt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(txt);
        await _registration.UpdateTxtAsync(TxtData.Encode(txt), cancellationToken).ConfigureAwait(false);
    }

    public override ValueTask DisposeAsync() => _registration.DisposeAsync();
}
