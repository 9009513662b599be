namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>AvahiProtocol (avahi-common/address.h): the address family a record or lookup is bound to.</summary>
internal enum AvahiProtocol
{
    Unspecified = -1,
    IPv4 = 0,
    IPv6 = 1,
}
