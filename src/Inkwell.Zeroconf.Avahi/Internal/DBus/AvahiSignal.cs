namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>A signal from an Avahi object (server, entry group, browser or resolver), decoded.</summary>
internal abstract record AvahiSignal;
