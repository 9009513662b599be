using Tmds.DBus.Protocol;

namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>
/// Awaits a D-Bus call with a cancellation token (Tmds.DBus.Protocol's calls take none) and turns its failures into
/// <see cref="AvahiException"/>s that say which call failed and why.
/// </summary>
internal static class AvahiCall
{
    public static async Task<T> InvokeAsync<T>(Task<T> call, string what, CancellationToken cancellationToken)
    {
        try
        {
            return await call.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Translate(exception, what) is { } translated)
        {
            throw translated;
        }
    }

    public static async Task InvokeAsync(Task call, string what, CancellationToken cancellationToken)
    {
        try
        {
            await call.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Translate(exception, what) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Whether an error means the daemon is not (or no longer) on the bus, as opposed to refusing the call.</summary>
    public static bool IsDaemonGone(AvahiException exception)
        => exception.ErrorName is "org.freedesktop.DBus.Error.ServiceUnknown"
            or "org.freedesktop.DBus.Error.NameHasNoOwner"
            or "org.freedesktop.DBus.Error.NoReply"
            or "org.freedesktop.DBus.Error.UnknownObject"
            or "org.freedesktop.DBus.Error.UnknownMethod";

    private static AvahiException? Translate(Exception exception, string what) => exception switch
    {
        DBusErrorReplyException reply => new AvahiException(
            $"Avahi {what} failed: {reply.ErrorMessage} ({reply.ErrorName}).", reply.ErrorName, reply),
        DBusConnectionException connection => new AvahiException(
            $"Avahi {what} failed: the D-Bus system bus connection was lost ({connection.Message}).", connection),
        ObjectDisposedException disposed => new AvahiException($"Avahi {what} failed: the Avahi client was disposed.", disposed),
        _ => null,
    };
}
