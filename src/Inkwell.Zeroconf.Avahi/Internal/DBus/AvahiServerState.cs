namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>AvahiServerState (avahi-core/server.h): services may be registered only while <see cref="Running"/>.</summary>
internal enum AvahiServerState
{
    Invalid = 0,
    Registering = 1,
    Running = 2,
    Collision = 3,
    Failure = 4,
}
