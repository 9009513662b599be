namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary><c>Failure(s error)</c> of a browser or resolver; the object is dead afterwards.</summary>
internal sealed record AvahiFailureSignal(string Error) : AvahiSignal;
