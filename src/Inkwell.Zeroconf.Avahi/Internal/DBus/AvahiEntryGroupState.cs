namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>AvahiEntryGroupState (avahi-common/defs.h).</summary>
internal enum AvahiEntryGroupState
{
    Uncommitted = 0,
    Registering = 1,
    Established = 2,
    Collision = 3,
    Failure = 4,
}
