namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>AvahiPublishFlags (avahi-common/defs.h), passed to EntryGroup.AddService and friends.</summary>
[Flags]
internal enum AvahiPublishFlags : uint
{
    None = 0,
    Unique = 1,
    NoProbe = 2,
    NoAnnounce = 4,
    AllowMultiple = 8,
    NoReverse = 16,
    NoCookie = 32,
    Update = 64,
    UseWideArea = 128,
    UseMulticast = 256,
}
