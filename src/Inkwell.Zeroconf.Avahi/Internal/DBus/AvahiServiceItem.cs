namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>A service instance as a ServiceBrowser reports it (<c>ItemNew</c> / <c>ItemRemove</c>).</summary>
internal sealed record AvahiServiceItem(
    int Interface, AvahiProtocol Protocol, string Name, string Type, string Domain, AvahiLookupResultFlags Flags)
{
    /// <summary>The identity of the instance on one interface and protocol; flags are not part of it.</summary>
    public AvahiServiceItem ToKey() => Flags == AvahiLookupResultFlags.None ? this : this with { Flags = AvahiLookupResultFlags.None };
}
