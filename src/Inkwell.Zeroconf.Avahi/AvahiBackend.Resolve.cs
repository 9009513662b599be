using System.Net;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.Avahi;

/// <content>Resolving an instance to host, port, addresses and TXT.</content>
public sealed partial class AvahiBackend
{
    /// <inheritdoc/>
    /// <remarks>
    /// Avahi's resolver gives up after about 5 s; this asks again until the instance answers or the call is cancelled,
    /// as the embedded backend waits. The addresses are all of the host's A and AAAA records on that interface.
    /// </remarks>
    public async Task<ResolvedService> ResolveAsync(string instanceName, string serviceType, CancellationToken cancellationToken)
    {
        AvahiResolvedService found;
        while (true)
        {
            try
            {
                found = await _client.ResolveAsync(instanceName, serviceType, cancellationToken: cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (AvahiException exception) when (exception.IsResolverTimeout)
            {
                // Nobody answered yet; the service may still appear.
            }
        }
        var addresses = new List<IPAddress> { AvahiAddresses.Parse(found.Address, found.Interface) };
        foreach (IPAddress address in await _client.ResolveHostAddressesAsync(found.Host, found.Interface, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!addresses.Contains(address))
            {
                addresses.Add(address);
            }
        }
        string interfaceName = await InterfaceNameAsync(found.Interface, cancellationToken).ConfigureAwait(false);
        return new ResolvedService(found.Name, found.Type, found.Domain, found.Host, found.Port, addresses, TxtData.Decode(found.Txt),
            interfaceName, found.Interface);
    }
}
