using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>A ServiceBrowser for one service type (or subtype, <c>_s._sub._x._tcp</c>).</summary>
internal sealed class AvahiServiceBrowser(
    AvahiClient client, string type, string domain, int @interface, AvahiProtocol protocol)
    : AvahiBrowserSession<AvahiServiceItem>(client)
{
    protected override string What => type;

    protected override string BrowserInterface => AvahiNames.ServiceBrowser;

    protected override Task<string> CreateBrowserAsync(CancellationToken cancellationToken)
        => Client.Server.ServiceBrowserNewAsync(@interface, protocol, type, domain, AvahiLookupFlags.None, cancellationToken);

    protected override bool TryReadItem(AvahiSignal signal, out bool isNew, out AvahiServiceItem item)
    {
        if (signal is AvahiServiceItemSignal itemSignal)
        {
            (isNew, item) = (itemSignal.IsNew, itemSignal.Item);
            return true;
        }
        (isNew, item) = (false, null!);
        return false;
    }

    protected override AvahiServiceItem KeyOf(AvahiServiceItem item) => item.ToKey();
}
