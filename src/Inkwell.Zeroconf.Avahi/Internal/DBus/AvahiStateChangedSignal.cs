namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary><c>StateChanged(i state, s error)</c> of the server or of an entry group.</summary>
internal sealed record AvahiStateChangedSignal(int State, string Error) : AvahiSignal;
