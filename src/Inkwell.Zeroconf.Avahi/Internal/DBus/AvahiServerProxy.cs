using Tmds.DBus.Protocol;

namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>Typed calls to <c>org.freedesktop.Avahi.Server</c> at <c>/</c>.</summary>
internal sealed class AvahiServerProxy(DBusConnection connection)
{
    private static readonly MessageValueReader<string> s_readString = (message, _) => message.GetBodyReader().ReadString();
    private static readonly MessageValueReader<int> s_readInt32 = (message, _) => message.GetBodyReader().ReadInt32();
    private static readonly MessageValueReader<string> s_readObjectPath = (message, _) => message.GetBodyReader().ReadObjectPathAsString();

    public Task<string> GetVersionStringAsync(CancellationToken cancellationToken, MessageFlags flags = MessageFlags.None)
        => AvahiCall.InvokeAsync(connection.CallMethodAsync(Call("GetVersionString", flags), s_readString), "GetVersionString", cancellationToken);

    public async Task<AvahiServerState> GetStateAsync(CancellationToken cancellationToken)
        => (AvahiServerState)await AvahiCall.InvokeAsync(
            connection.CallMethodAsync(Call("GetState"), s_readInt32), "GetState", cancellationToken).ConfigureAwait(false);

    public Task<string> GetHostNameAsync(CancellationToken cancellationToken)
        => AvahiCall.InvokeAsync(connection.CallMethodAsync(Call("GetHostName"), s_readString), "GetHostName", cancellationToken);

    public Task<string> GetDomainNameAsync(CancellationToken cancellationToken)
        => AvahiCall.InvokeAsync(connection.CallMethodAsync(Call("GetDomainName"), s_readString), "GetDomainName", cancellationToken);

    public Task<string> GetAlternativeServiceNameAsync(string name, CancellationToken cancellationToken)
    {
        using MessageWriter writer = Header("GetAlternativeServiceName", "s");
        writer.WriteString(name);
        return AvahiCall.InvokeAsync(
            connection.CallMethodAsync(writer.CreateMessage(), s_readString), "GetAlternativeServiceName", cancellationToken);
    }

    /// <summary>The daemon's name for an interface index (browse results carry indexes of the daemon's network namespace).</summary>
    public Task<string> GetNetworkInterfaceNameByIndexAsync(int index, CancellationToken cancellationToken)
    {
        using MessageWriter writer = Header("GetNetworkInterfaceNameByIndex", "i");
        writer.WriteInt32(index);
        return AvahiCall.InvokeAsync(
            connection.CallMethodAsync(writer.CreateMessage(), s_readString), "GetNetworkInterfaceNameByIndex", cancellationToken);
    }

    public Task<string> EntryGroupNewAsync(CancellationToken cancellationToken)
        => AvahiCall.InvokeAsync(connection.CallMethodAsync(Call("EntryGroupNew"), s_readObjectPath), "EntryGroupNew", cancellationToken);

    public Task<string> ServiceBrowserNewAsync(
        int @interface, AvahiProtocol protocol, string type, string domain, AvahiLookupFlags flags, CancellationToken cancellationToken)
    {
        using MessageWriter writer = Header("ServiceBrowserNew", "iissu");
        writer.WriteInt32(@interface);
        writer.WriteInt32((int)protocol);
        writer.WriteString(type);
        writer.WriteString(domain);
        writer.WriteUInt32((uint)flags);
        return AvahiCall.InvokeAsync(
            connection.CallMethodAsync(writer.CreateMessage(), s_readObjectPath), "ServiceBrowserNew", cancellationToken);
    }

    public Task<string> ServiceTypeBrowserNewAsync(
        int @interface, AvahiProtocol protocol, string domain, AvahiLookupFlags flags, CancellationToken cancellationToken)
    {
        using MessageWriter writer = Header("ServiceTypeBrowserNew", "iisu");
        writer.WriteInt32(@interface);
        writer.WriteInt32((int)protocol);
        writer.WriteString(domain);
        writer.WriteUInt32((uint)flags);
        return AvahiCall.InvokeAsync(
            connection.CallMethodAsync(writer.CreateMessage(), s_readObjectPath), "ServiceTypeBrowserNew", cancellationToken);
    }

    public Task<string> RecordBrowserNewAsync(
        int @interface, AvahiProtocol protocol, string name, ushort @class, ushort type, AvahiLookupFlags flags, CancellationToken cancellationToken)
    {
        using MessageWriter writer = Header("RecordBrowserNew", "iisqqu");
        writer.WriteInt32(@interface);
        writer.WriteInt32((int)protocol);
        writer.WriteString(name);
        writer.WriteUInt16(@class);
        writer.WriteUInt16(type);
        writer.WriteUInt32((uint)flags);
        return AvahiCall.InvokeAsync(
            connection.CallMethodAsync(writer.CreateMessage(), s_readObjectPath), "RecordBrowserNew", cancellationToken);
    }

    public Task<string> ServiceResolverNewAsync(
        int @interface,
        AvahiProtocol protocol,
        string name,
        string type,
        string domain,
        AvahiProtocol addressProtocol,
        AvahiLookupFlags flags,
        CancellationToken cancellationToken)
    {
        using MessageWriter writer = Header("ServiceResolverNew", "iisssiu");
        writer.WriteInt32(@interface);
        writer.WriteInt32((int)protocol);
        writer.WriteString(name);
        writer.WriteString(type);
        writer.WriteString(domain);
        writer.WriteInt32((int)addressProtocol);
        writer.WriteUInt32((uint)flags);
        return AvahiCall.InvokeAsync(
            connection.CallMethodAsync(writer.CreateMessage(), s_readObjectPath), "ServiceResolverNew", cancellationToken);
    }

    private MessageBuffer Call(string member, MessageFlags flags = MessageFlags.None)
    {
        using MessageWriter writer = Header(member, signature: null, flags);
        return writer.CreateMessage();
    }

    private MessageWriter Header(string member, string? signature, MessageFlags flags = MessageFlags.None)
    {
        MessageWriter writer = connection.GetMessageWriter();
        writer.WriteMethodCallHeader(AvahiNames.Service, AvahiNames.ServerPath, AvahiNames.Server, member, signature, flags);
        return writer;
    }
}
