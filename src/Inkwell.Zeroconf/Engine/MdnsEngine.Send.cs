using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;
using Inkwell.Zeroconf.Transport;

namespace Inkwell.Zeroconf.Engine;

internal sealed partial class MdnsEngine
{
    private static readonly TimeSpan s_unicastResponseWindow = TimeSpan.FromSeconds(2);

    private readonly List<DnsWriter.CompressionEntry> _compression = [];

    /// <summary>When we last sent a question asking for a unicast response (a probe or a first query).</summary>
    private DateTimeOffset LastUnicastResponseRequest { get; set; } = DateTimeOffset.MinValue;

    /// <summary>
    /// Sends a message on a link (multicast on every family, or unicast to <paramref name="destination"/>),
    /// split into packets of at most 9000 bytes (RFC 6762 §17). A query whose known answers do not fit
    /// continues in further packets with TC set on all but the last (§7.2); a response's answers
    /// continue in further packets, and additional records that do not fit are left out.
    /// </summary>
    public void Send(NetworkLink link, IPEndPoint? destination, ushort id, ushort flags,
        IReadOnlyList<DnsQuestion> questions, IReadOnlyList<DnsRecord> answers,
        IReadOnlyList<DnsRecord>? authorities = null, IReadOnlyList<DnsRecord>? additionals = null)
    {
        bool isQuery = (flags & DnsMessage.ResponseFlag) == 0;
        if (isQuery && questions.Any(q => q.UnicastResponse))
        {
            LastUnicastResponseRequest = Now;
        }
        byte[] buffer = ArrayPool<byte>.Shared.Rent(DnsMessage.MaxLength);
        try
        {
            int answerIndex = 0;
            bool first = true;
            while (first || answerIndex < answers.Count)
            {
                Span<byte> span = buffer.AsSpan(0, MaxPayload);
                var writer = new DnsMessageWriter(span, id, flags, _compression);
                if (first)
                {
                    for (int i = 0; i < questions.Count; i++)
                    {
                        writer.TryAddQuestion(questions[i]);
                    }
                }
                int before = answerIndex;
                while (answerIndex < answers.Count && writer.TryAddRecord(answers[answerIndex], 1))
                {
                    answerIndex++;
                }
                if (answerIndex == before && answerIndex < answers.Count && writer.Count == 0)
                {
                    answerIndex++; // a single record larger than a packet: skip it rather than loop
                    continue;
                }
                bool more = answerIndex < answers.Count;
                if (!more)
                {
                    // By index: a foreach over an IReadOnlyList would allocate an enumerator per packet.
                    for (int i = 0; i < (authorities?.Count ?? 0); i++)
                    {
                        writer.TryAddRecord(authorities![i], 2);
                    }
                    for (int i = 0; i < (additionals?.Count ?? 0); i++)
                    {
                        writer.TryAddRecord(additionals![i], 3);
                    }
                }
                int length = writer.Finish(more && isQuery ? (ushort)(flags | DnsMessage.TruncatedFlag) : flags);
                Transmit(span[..length], link, destination);
                first = false;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>RFC 6762 §17: 9000 bytes including the IP and UDP headers (IPv6's 40 + UDP's 8 at most).</summary>
    private const int MaxPayload = DnsMessage.MaxLength - 48;

    private void Transmit(ReadOnlySpan<byte> packet, NetworkLink link, IPEndPoint? destination)
    {
        if (_disposed)
        {
            return;
        }
        _sent.Add(packet, Now);
        if (destination is not null)
        {
            SafeSend(packet, link, destination.AddressFamily, destination);
            return;
        }
        IReadOnlyList<AddressFamily> families = _transport.Families;
        for (int i = 0; i < families.Count; i++)
        {
            SafeSend(packet, link, families[i], null);
        }
    }

    private void SafeSend(ReadOnlySpan<byte> packet, NetworkLink link, AddressFamily family, IPEndPoint? destination)
    {
        try
        {
            _transport.Send(packet, link, family, destination);
        }
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or InvalidOperationException)
        {
            Log.SendFailed(Logger, link.Name, destination?.ToString() ?? family.ToString(), exception.Message);
        }
    }
}
