namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>AvahiIfIndex values with a meaning of their own.</summary>
internal static class AvahiInterface
{
    /// <summary>AVAHI_IF_UNSPEC: every interface the daemon uses.</summary>
    public const int Unspecified = -1;
}
