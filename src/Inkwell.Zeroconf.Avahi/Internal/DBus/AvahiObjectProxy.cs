using Tmds.DBus.Protocol;

namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>
/// A ServiceBrowser, ServiceTypeBrowser or ServiceResolver object: its only method this client needs is <c>Free</c>;
/// its signals arrive through <see cref="AvahiSignalRouter"/>.
/// </summary>
internal sealed class AvahiObjectProxy(DBusConnection connection, string path, string @interface)
{
    public string Path => path;

    public Task FreeAsync(CancellationToken cancellationToken)
    {
        using MessageWriter writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(AvahiNames.Service, path, @interface, "Free");
        return AvahiCall.InvokeAsync(connection.CallMethodAsync(writer.CreateMessage()), @interface + ".Free", cancellationToken);
    }
}
