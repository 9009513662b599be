using System.Collections.Concurrent;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Tmds.DBus.Protocol;

namespace Inkwell.Zeroconf.Avahi.Tests.Lab;

/// <summary>
/// A scripted stand-in for avahi-daemon on a lab bus: owns <c>org.freedesktop.Avahi</c>, records the calls it
/// gets, and lets a test decide the server state, when entry groups get established or fail, and what a new
/// browser reports — including signals sent before the reply, which a real daemon does only by timing.
/// </summary>
internal sealed class FakeAvahi : IPathMethodHandler, IAsyncDisposable
{
    private readonly DBusConnection _connection;
    private int _objects;

    private FakeAvahi(DBusConnection connection) => _connection = connection;

    /// <summary>Every call, as "Interface.Member arg0 arg1…" (string and integer arguments only).</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    public AvahiServerState State { get; private set; } = AvahiServerState.Running;

    /// <summary>What Commit makes the group say: ESTABLISHED by default, or FAILURE with this error.</summary>
    public string? CommitFailure { get; set; }

    /// <summary>How many GetState calls to answer with an error before answering.</summary>
    public int GetStateFailures { get; set; }

    /// <summary>Service names a new ServiceBrowser reports (ItemNew each, then AllForNow) before its path is returned.</summary>
    public IReadOnlyList<string> BrowserItemsBeforeReply { get; set; } = [];

    public string Path => "/";

    public bool HandlesChildPaths => true;

    public static async Task<FakeAvahi> StartAsync(LabHost host, AvahiServerState state)
    {
        var connection = new DBusConnection(new DBusConnectionOptions(host.BusAddress) { AutoConnect = false });
        await connection.ConnectAsync();
        var fake = new FakeAvahi(connection) { State = state };
        connection.AddMethodHandler(fake);
        await connection.RequestNameAsync(AvahiNames.Service, RequestNameOptions.None);
        return fake;
    }

    /// <summary>The path of the last service browser created.</summary>
    public string? LastBrowser { get; private set; }

    /// <summary>The path of the last entry group created.</summary>
    public string? LastGroup { get; private set; }

    /// <summary>Says an established group lost its name to another host (its StateChanged goes to COLLISION).</summary>
    public void CollideGroup(string path) => EmitGroupState(path, AvahiEntryGroupState.Collision, "");

    /// <summary>Says a browser failed (its Failure signal); Avahi frees nothing, the client must stop using it.</summary>
    public void FailBrowser(string path, string error)
    {
        using MessageWriter writer = _connection.GetMessageWriter();
        writer.WriteSignalHeader(null, path, AvahiNames.ServiceBrowser, "Failure", "s");
        writer.WriteString(error);
        _connection.TrySendMessage(writer.CreateMessage());
    }

    /// <summary>Changes the server state and says so with StateChanged, as the daemon does.</summary>
    public void SetState(AvahiServerState state)
    {
        State = state;
        using MessageWriter writer = _connection.GetMessageWriter();
        writer.WriteSignalHeader(null, "/", AvahiNames.Server, "StateChanged", "is");
        writer.WriteInt32((int)state);
        writer.WriteString("");
        _connection.TrySendMessage(writer.CreateMessage());
    }

    public async Task<string> WaitForCallAsync(string prefix, int count, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            string[] matching = Calls.Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToArray();
            if (matching.Length >= count)
            {
                return matching[count - 1];
            }
            try
            {
                await Task.Delay(20, deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"Expected {count} call(s) of {prefix}; got: {string.Join(" | ", Calls)}");
            }
        }
    }

    public ValueTask HandleMethodAsync(MethodContext context)
    {
        Message request = context.Request;
        string member = request.MemberAsString ?? "";
        string path = request.PathAsString ?? "";
        string @interface = request.InterfaceAsString ?? "";
        Calls.Enqueue($"{@interface[(@interface.LastIndexOf('.') + 1)..]}.{member} {Arguments(request)}".TrimEnd());
        switch ((@interface, member))
        {
            case (AvahiNames.Server, "GetState") when GetStateFailures > 0:
                GetStateFailures--;
                context.ReplyError("org.freedesktop.Avahi.TimeoutError", "Timeout reached");
                break;
            case (AvahiNames.Server, "GetState"):
                ReplyInt32(context, (int)State);
                break;
            case (AvahiNames.Server, "GetVersionString"):
                ReplyString(context, "avahi 0.8 (fake)");
                break;
            case (AvahiNames.Server, "GetAlternativeServiceName"):
                ReplyString(context, request.GetBodyReader().ReadString() + " #2");
                break;
            case (AvahiNames.Server, "EntryGroupNew"):
                LastGroup = $"/Client1/EntryGroup{Interlocked.Increment(ref _objects)}";
                ReplyPath(context, LastGroup);
                break;
            case (AvahiNames.Server, "ServiceBrowserNew"):
                string browser = $"/Client1/ServiceBrowser{Interlocked.Increment(ref _objects)}";
                LastBrowser = browser;
                Reader reader = request.GetBodyReader();
                _ = reader.ReadInt32();
                _ = reader.ReadInt32();
                string type = reader.ReadString();
                foreach (string name in BrowserItemsBeforeReply)
                {
                    EmitItemNew(browser, name, type);
                }
                EmitEmpty(browser, AvahiNames.ServiceBrowser, "AllForNow");
                ReplyPath(context, browser);
                break;
            case (AvahiNames.EntryGroup, "Commit"):
                ReplyEmpty(context);
                EmitGroupState(path, AvahiEntryGroupState.Registering, "");
                EmitGroupState(path, CommitFailure is null ? AvahiEntryGroupState.Established : AvahiEntryGroupState.Failure, CommitFailure ?? "");
                break;
            case (AvahiNames.EntryGroup, _) or (AvahiNames.ServiceBrowser, "Free") or (AvahiNames.ServiceResolver, "Free"):
                ReplyEmpty(context);
                break;
            default:
                context.ReplyUnknownMethodError();
                break;
        }
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        _connection.Dispose();
        await Task.Yield();
    }

    private static string Arguments(Message request)
    {
        string signature = request.SignatureAsString ?? "";
        Reader reader = request.GetBodyReader();
        var parts = new List<string>();
        foreach (char c in signature)
        {
            switch (c)
            {
                case 'i': parts.Add(reader.ReadInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
                case 'u': parts.Add(reader.ReadUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
                case 'q': parts.Add(reader.ReadUInt16().ToString(System.Globalization.CultureInfo.InvariantCulture)); break;
                case 's': parts.Add(reader.ReadString()); break;
                default: return string.Join(' ', parts);
            }
        }
        return string.Join(' ', parts);
    }

    /// <summary>Sends ItemNew for a browser, from <paramref name="connection"/> (this daemon's by default), to <paramref name="destination"/> (broadcast by default).</summary>
    public void EmitItemNew(string browser, string name, string type, DBusConnection? connection = null, string? destination = null)
    {
        connection ??= _connection;
        using MessageWriter writer = connection.GetMessageWriter();
        writer.WriteSignalHeader(destination, browser, AvahiNames.ServiceBrowser, "ItemNew", "iisssu");
        writer.WriteInt32(2);
        writer.WriteInt32((int)AvahiProtocol.IPv4);
        writer.WriteString(name);
        writer.WriteString(type);
        writer.WriteString("local");
        writer.WriteUInt32((uint)AvahiLookupResultFlags.Multicast);
        connection.TrySendMessage(writer.CreateMessage());
    }

    private void EmitEmpty(string path, string @interface, string member)
    {
        using MessageWriter writer = _connection.GetMessageWriter();
        writer.WriteSignalHeader(null, path, @interface, member, null);
        _connection.TrySendMessage(writer.CreateMessage());
    }

    private void EmitGroupState(string path, AvahiEntryGroupState state, string error)
    {
        using MessageWriter writer = _connection.GetMessageWriter();
        writer.WriteSignalHeader(null, path, AvahiNames.EntryGroup, "StateChanged", "is");
        writer.WriteInt32((int)state);
        writer.WriteString(error);
        _connection.TrySendMessage(writer.CreateMessage());
    }

    private static void ReplyEmpty(MethodContext context)
    {
        using MessageWriter writer = context.CreateReplyWriter(null);
        context.Reply(writer.CreateMessage());
    }

    private static void ReplyInt32(MethodContext context, int value)
    {
        using MessageWriter writer = context.CreateReplyWriter("i");
        writer.WriteInt32(value);
        context.Reply(writer.CreateMessage());
    }

    private static void ReplyString(MethodContext context, string value)
    {
        using MessageWriter writer = context.CreateReplyWriter("s");
        writer.WriteString(value);
        context.Reply(writer.CreateMessage());
    }

    private static void ReplyPath(MethodContext context, string value)
    {
        using MessageWriter writer = context.CreateReplyWriter("o");
        writer.WriteObjectPath(value);
        context.Reply(writer.CreateMessage());
    }
}
