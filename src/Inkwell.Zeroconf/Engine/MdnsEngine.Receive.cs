using System.Net;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Engine;

internal sealed partial class MdnsEngine
{
    /// <summary>
    /// Handles one datagram. Nothing escapes: a malformed packet is logged and dropped, and an
    /// unexpected failure is logged, so the receive loop keeps running (checklist 1–4).
    /// </summary>
    internal void OnPacket(ReceivedPacket packet)
    {
        try
        {
            Handle(packet);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            Log.PacketHandlerFailed(Logger, exception, packet.Source);
        }
    }

    private void Handle(ReceivedPacket packet)
    {
        ReadOnlySpan<byte> data = packet.Data.Span;
        if (_sent.Contains(data, Now))
        {
            return; // our own multicast, looped back
        }
        if (TryAnswerInPlace(packet, data))
        {
            return;
        }
        if (!DnsMessage.TryParse(data, out DnsMessage message, out int dropped, out string? error))
        {
            Log.MalformedPacket(Logger, packet.Source, packet.Link.Name, error!);
            return;
        }
        if (dropped > 0)
        {
            Log.MalformedRecords(Logger, dropped, packet.Source, packet.Link.Name);
        }
        // RFC 6762 §18.3, §18.11: messages with a non-zero OPCODE or RCODE are silently ignored.
        if (message.Opcode != 0 || message.Rcode != 0)
        {
            Log.IgnoredPacket(Logger, packet.Source, packet.Link.Name, "non-zero OPCODE or RCODE");
            return;
        }
        // RFC 6762 §11, §5.5: only on-link sources; answering off-link ones makes a DDoS reflector.
        if (!packet.Link.IsOnLink(packet.Source.Address))
        {
            Log.IgnoredPacket(Logger, packet.Source, packet.Link.Name, "source is not on the link");
            return;
        }
        lock (Gate)
        {
            if (_disposed)
            {
                return;
            }
            if (message.IsResponse)
            {
                // RFC 6762 §6: responses not from port 5353 are not mDNS responses.
                if (packet.Source.Port != MulticastDnsEndpoints.Port)
                {
                    Log.IgnoredPacket(Logger, packet.Source, packet.Link.Name, "response not from port 5353");
                    return;
                }
                // RFC 6762 §6: a unicast response is only believed if we asked a QU question recently.
                if (packet.IsUnicast && Now - LastUnicastResponseRequest > s_unicastResponseWindow)
                {
                    Log.IgnoredPacket(Logger, packet.Source, packet.Link.Name, "unicast response to no recent QU question");
                    return;
                }
                Responder.OnResponse(message, packet.Link);
                Querier.OnResponse(message, packet.Link, packet.Source.Address);
            }
            else
            {
                Responder.OnQuery(message, packet.Source, packet.Link);
                if (packet.Source.Port == MulticastDnsEndpoints.Port)
                {
                    Querier.OnQuery(message, packet.Link);
                }
            }
        }
    }

    /// <summary>
    /// The hot path: a plain query from port 5353 (see <see cref="WireQuery"/>) is answered from the
    /// bytes where they lie, without building a <see cref="DnsMessage"/>. Everything else, and a query
    /// our own querier must take note of (§7.3 duplicate questions, §10.5 POOF), goes through the full
    /// parser; so does everything while debug logging is on, which prints the parsed questions.
    /// </summary>
    private bool TryAnswerInPlace(ReceivedPacket packet, ReadOnlySpan<byte> data)
    {
        if (packet.Source.Port != MulticastDnsEndpoints.Port || Logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            return false;
        }
        Span<WireQuestion> questions = stackalloc WireQuestion[WireQuery.MaxQuestions];
        if (!WireQuery.TryScan(data, questions, out WireQuery query) || !packet.Link.IsOnLink(packet.Source.Address))
        {
            return false;
        }
        lock (Gate)
        {
            if (_disposed)
            {
                return true;
            }
            if (Querier.MayTakeNoteOf(query))
            {
                return false;
            }
            Responder.OnQuery(query, packet.Source, packet.Link);
        }
        return true;
    }

    /// <summary>Remembers what we sent for a few seconds, to recognise it when multicast loops it back.</summary>
    private sealed class RecentPackets
    {
        private readonly (int Hash, int Length, DateTimeOffset Time)[] _entries = new (int, int, DateTimeOffset)[64];
        private int _next;

        public void Add(ReadOnlySpan<byte> data, DateTimeOffset now)
        {
            lock (_entries)
            {
                _entries[_next] = (Hash(data), data.Length, now);
                _next = (_next + 1) % _entries.Length;
            }
        }

        public bool Contains(ReadOnlySpan<byte> data, DateTimeOffset now)
        {
            int hash = Hash(data);
            lock (_entries)
            {
                foreach ((int h, int length, DateTimeOffset time) in _entries)
                {
                    if (h == hash && length == data.Length && now - time < TimeSpan.FromSeconds(2))
                    {
                        return true;
                    }
                }
            }
            return false;
        }

        private static int Hash(ReadOnlySpan<byte> data)
        {
            var hash = new HashCode();
            hash.AddBytes(data);
            return hash.ToHashCode();
        }
    }

    internal static IPEndPoint SelfEndpoint { get; } = new(IPAddress.Loopback, MulticastDnsEndpoints.Port);
}
