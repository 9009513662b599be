namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary><c>AllForNow</c>: a browser has reported what it is likely to find without waiting longer.</summary>
internal sealed record AvahiAllForNowSignal : AvahiSignal
{
    public static readonly AvahiAllForNowSignal Instance = new();
}
