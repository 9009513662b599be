namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>The bus name, object path and interface names of Avahi's D-Bus API (avahi-daemon 0.6–0.8).</summary>
internal static class AvahiNames
{
    public const string Service = "org.freedesktop.Avahi";
    public const string ServerPath = "/";
    public const string Server = "org.freedesktop.Avahi.Server";
    public const string EntryGroup = "org.freedesktop.Avahi.EntryGroup";
    public const string ServiceBrowser = "org.freedesktop.Avahi.ServiceBrowser";
    public const string ServiceResolver = "org.freedesktop.Avahi.ServiceResolver";
    public const string ServiceTypeBrowser = "org.freedesktop.Avahi.ServiceTypeBrowser";
    public const string RecordBrowser = "org.freedesktop.Avahi.RecordBrowser";

    /// <summary>Avahi's error names (avahi-common/dbus.h) that the client reacts to.</summary>
    public const string CollisionError = "org.freedesktop.Avahi.CollisionError";
    public const string BadStateError = "org.freedesktop.Avahi.BadStateError";
    public const string TimeoutError = "org.freedesktop.Avahi.TimeoutError";
    public const string NotFoundError = "org.freedesktop.Avahi.NotFoundError";

    public const string DBusService = "org.freedesktop.DBus";
    public const string DBusPath = "/org/freedesktop/DBus";
    public const string DBusInterface = "org.freedesktop.DBus";
}
