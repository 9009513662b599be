using Tmds.DBus.Protocol;

namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>Typed calls to one <c>org.freedesktop.Avahi.EntryGroup</c> (its <c>StateChanged</c> arrives through <see cref="AvahiSignalRouter"/>).</summary>
internal sealed class AvahiEntryGroupProxy(DBusConnection connection, string path)
{
    private static readonly MessageValueReader<int> s_readInt32 = (message, _) => message.GetBodyReader().ReadInt32();

    public string Path => path;

    public Task AddServiceAsync(
        int @interface,
        AvahiProtocol protocol,
        AvahiPublishFlags flags,
        string name,
        string type,
        string domain,
        string host,
        ushort port,
        IReadOnlyList<byte[]> txt,
        CancellationToken cancellationToken)
    {
        using MessageWriter writer = Header("AddService", "iiussssqaay");
        writer.WriteInt32(@interface);
        writer.WriteInt32((int)protocol);
        writer.WriteUInt32((uint)flags);
        writer.WriteString(name);
        writer.WriteString(type);
        writer.WriteString(domain);
        writer.WriteString(host);
        writer.WriteUInt16(port);
        ArrayStart txtStart = writer.WriteArrayStart(DBusType.Array);
        foreach (byte[] item in txt)
        {
            writer.WriteArray(item);
        }
        writer.WriteArrayEnd(txtStart);
        return AvahiCall.InvokeAsync(connection.CallMethodAsync(writer.CreateMessage()), "EntryGroup.AddService", cancellationToken);
    }

    public Task AddServiceSubtypeAsync(
        int @interface,
        AvahiProtocol protocol,
        AvahiPublishFlags flags,
        string name,
        string type,
        string domain,
        string subtype,
        CancellationToken cancellationToken)
    {
        using MessageWriter writer = Header("AddServiceSubtype", "iiussss");
        writer.WriteInt32(@interface);
        writer.WriteInt32((int)protocol);
        writer.WriteUInt32((uint)flags);
        writer.WriteString(name);
        writer.WriteString(type);
        writer.WriteString(domain);
        writer.WriteString(subtype);
        return AvahiCall.InvokeAsync(connection.CallMethodAsync(writer.CreateMessage()), "EntryGroup.AddServiceSubtype", cancellationToken);
    }

    public Task UpdateServiceTxtAsync(
        int @interface,
        AvahiProtocol protocol,
        AvahiPublishFlags flags,
        string name,
        string type,
        string domain,
        IReadOnlyList<byte[]> txt,
        CancellationToken cancellationToken)
    {
        using MessageWriter writer = Header("UpdateServiceTxt", "iiusssaay");
        writer.WriteInt32(@interface);
        writer.WriteInt32((int)protocol);
        writer.WriteUInt32((uint)flags);
        writer.WriteString(name);
        writer.WriteString(type);
        writer.WriteString(domain);
        ArrayStart txtStart = writer.WriteArrayStart(DBusType.Array);
        foreach (byte[] item in txt)
        {
            writer.WriteArray(item);
        }
        writer.WriteArrayEnd(txtStart);
        return AvahiCall.InvokeAsync(connection.CallMethodAsync(writer.CreateMessage()), "EntryGroup.UpdateServiceTxt", cancellationToken);
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Simple("Commit", cancellationToken);

    public Task ResetAsync(CancellationToken cancellationToken) => Simple("Reset", cancellationToken);

    public Task FreeAsync(CancellationToken cancellationToken) => Simple("Free", cancellationToken);

    public async Task<AvahiEntryGroupState> GetStateAsync(CancellationToken cancellationToken)
        => (AvahiEntryGroupState)await AvahiCall.InvokeAsync(
            connection.CallMethodAsync(Message("GetState"), s_readInt32), "EntryGroup.GetState", cancellationToken).ConfigureAwait(false);

    private Task Simple(string member, CancellationToken cancellationToken)
        => AvahiCall.InvokeAsync(connection.CallMethodAsync(Message(member)), "EntryGroup." + member, cancellationToken);

    private MessageBuffer Message(string member)
    {
        using MessageWriter writer = Header(member, signature: null);
        return writer.CreateMessage();
    }

    private MessageWriter Header(string member, string? signature)
    {
        MessageWriter writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(AvahiNames.Service, path, AvahiNames.EntryGroup, member, signature);
        return writer;
    }
}
