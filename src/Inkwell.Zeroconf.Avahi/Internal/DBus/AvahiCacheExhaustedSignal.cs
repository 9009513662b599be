namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary><c>CacheExhausted</c>: a browser has reported every matching entry of the daemon's cache.</summary>
internal sealed record AvahiCacheExhaustedSignal : AvahiSignal
{
    public static readonly AvahiCacheExhaustedSignal Instance = new();
}
