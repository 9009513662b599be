using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>A ServiceTypeBrowser: the service types announced in a domain (DNS-SD's <c>_services._dns-sd._udp</c>).</summary>
internal sealed class AvahiServiceTypeBrowser(AvahiClient client, string domain, int @interface, AvahiProtocol protocol)
    : AvahiBrowserSession<AvahiServiceTypeItem>(client)
{
    protected override string What => "service types";

    protected override string BrowserInterface => AvahiNames.ServiceTypeBrowser;

    protected override Task<string> CreateBrowserAsync(CancellationToken cancellationToken)
        => Client.Server.ServiceTypeBrowserNewAsync(@interface, protocol, domain, AvahiLookupFlags.None, cancellationToken);

    protected override bool TryReadItem(AvahiSignal signal, out bool isNew, out AvahiServiceTypeItem item)
    {
        if (signal is AvahiServiceTypeItemSignal itemSignal)
        {
            (isNew, item) = (itemSignal.IsNew, itemSignal.Item);
            return true;
        }
        (isNew, item) = (false, null!);
        return false;
    }

    protected override AvahiServiceTypeItem KeyOf(AvahiServiceTypeItem item) => item.ToKey();
}
