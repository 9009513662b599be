using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>
/// Avahi reports an instance once per interface <em>and</em> protocol (IPv4 and IPv6 separately); Inkwell.Zeroconf's
/// API reports it once per interface. This turns the first: <c>Added</c> when the first protocol reports an instance
/// on an interface, <c>Removed</c> when the last one withdraws it; the protocol of what it passes on is
/// <see cref="AvahiProtocol.Unspecified"/>. One filter per browse; not thread-safe.
/// </summary>
internal sealed class AvahiPerInterfaceFilter
{
    private readonly Dictionary<AvahiServiceItem, HashSet<AvahiProtocol>> _protocols = [];

    public bool TryMap(AvahiBrowseEvent<AvahiServiceItem> @event, out AvahiBrowseEvent<AvahiServiceItem> mapped)
    {
        if (@event.Item is not { } item)
        {
            mapped = @event;
            return true; // AllForNow passes through.
        }
        AvahiServiceItem perInterface = item with { Protocol = AvahiProtocol.Unspecified };
        AvahiServiceItem key = perInterface.ToKey();
        mapped = @event with { Item = perInterface };
        if (@event.Kind == AvahiBrowseEventKind.Added)
        {
            if (!_protocols.TryGetValue(key, out HashSet<AvahiProtocol>? protocols))
            {
                _protocols[key] = [item.Protocol];
                return true;
            }
            protocols.Add(item.Protocol);
            return false;
        }
        if (@event.Kind == AvahiBrowseEventKind.Removed
            && _protocols.TryGetValue(key, out HashSet<AvahiProtocol>? remaining)
            && remaining.Remove(item.Protocol)
            && remaining.Count == 0)
        {
            _protocols.Remove(key);
            return true;
        }
        return false;
    }
}
