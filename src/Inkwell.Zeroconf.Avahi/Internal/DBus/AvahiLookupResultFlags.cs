namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>AvahiLookupResultFlags (avahi-common/defs.h), carried by browse and resolve results.</summary>
[Flags]
internal enum AvahiLookupResultFlags : uint
{
    None = 0,
    /// <summary>The answer came from the daemon's cache.</summary>
    Cached = 1,
    /// <summary>The answer came from wide-area (unicast) DNS.</summary>
    WideArea = 2,
    /// <summary>The answer came from multicast DNS.</summary>
    Multicast = 4,
    /// <summary>The record is registered on this host (by any client of this daemon).</summary>
    Local = 8,
    /// <summary>The record was registered by this very D-Bus client.</summary>
    OurOwn = 16,
    /// <summary>The record comes from a static service file.</summary>
    Static = 32,
}
