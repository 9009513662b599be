using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>A RecordBrowser: the records of one name, class and type (what <c>dns-sd -Q</c> shows).</summary>
internal sealed class AvahiRecordBrowser(
    AvahiClient client, string name, ushort @class, ushort type, int @interface, AvahiProtocol protocol)
    : AvahiBrowserSession<AvahiRecordItem>(client)
{
    protected override string What => $"{name} (class {@class}, type {type})";

    protected override string BrowserInterface => AvahiNames.RecordBrowser;

    protected override Task<string> CreateBrowserAsync(CancellationToken cancellationToken)
        => Client.Server.RecordBrowserNewAsync(@interface, protocol, name, @class, type, AvahiLookupFlags.None, cancellationToken);

    protected override bool TryReadItem(AvahiSignal signal, out bool isNew, out AvahiRecordItem item)
    {
        if (signal is AvahiRecordItemSignal itemSignal)
        {
            (isNew, item) = (itemSignal.IsNew, itemSignal.Item);
            return true;
        }
        (isNew, item) = (false, null!);
        return false;
    }

    protected override AvahiRecordItem KeyOf(AvahiRecordItem item) => item.ToKey();
}
