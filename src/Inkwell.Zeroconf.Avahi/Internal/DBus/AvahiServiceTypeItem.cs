namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>A service type as a ServiceTypeBrowser reports it.</summary>
internal sealed record AvahiServiceTypeItem(
    int Interface, AvahiProtocol Protocol, string Type, string Domain, AvahiLookupResultFlags Flags)
{
    /// <summary>The identity of the type on one interface and protocol; flags are not part of it.</summary>
    public AvahiServiceTypeItem ToKey() => Flags == AvahiLookupResultFlags.None ? this : this with { Flags = AvahiLookupResultFlags.None };
}
