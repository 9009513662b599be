namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>AvahiLookupFlags (avahi-common/defs.h), passed when creating browsers and resolvers.</summary>
[Flags]
internal enum AvahiLookupFlags : uint
{
    None = 0,
    UseWideArea = 1,
    UseMulticast = 2,
    NoTxt = 4,
    NoAddress = 8,
}
