using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.WideArea;

/// <summary>
/// One request, one answer, with a unicast DNS server: UDP with retries, TCP when the answer is truncated
/// or the request is too large for UDP (RFC 1035 §4.2, RFC 7766). Answers are parsed by the same hardened
/// codec as multicast packets, with the unicast size limit.
/// </summary>
internal sealed class UnicastDnsClient(IPEndPoint server, TimeSpan timeout, int attempts, TimeProvider timeProvider)
{
    public IPEndPoint Server { get; } = server;

    /// <summary>A raw answer and its parse.</summary>
    public readonly record struct Answer(DnsMessage Message, byte[] Raw);

    /// <summary>Sends <paramref name="request"/> (whose id is its first two bytes) and returns the matching answer.</summary>
    public async Task<Answer> ExchangeAsync(byte[] request, CancellationToken cancellationToken)
    {
        if (request.Length > DnsUpdate.UdpPayloadSize)
        {
            return await ExchangeTcpAsync(request, cancellationToken).ConfigureAwait(false);
        }
        Answer answer = await ExchangeUdpAsync(request, cancellationToken).ConfigureAwait(false);
        return answer.Message.IsTruncated ? await ExchangeTcpAsync(request, cancellationToken).ConfigureAwait(false) : answer;
    }

    private async Task<Answer> ExchangeUdpAsync(byte[] request, CancellationToken cancellationToken)
    {
        ushort id = BinaryPrimitives.ReadUInt16BigEndian(request);
        using var socket = new Socket(Server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        // Connected: the kernel drops datagrams from anyone but the server, and reports ICMP port unreachable.
        try
        {
            await socket.ConnectAsync(Server, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            // No route to the server, for instance.
            throw new WideAreaException(WideAreaError.Unreachable, $"DNS server {Server} is unreachable over UDP: {e.Message}", e);
        }
        byte[] buffer = new byte[DnsMessage.MaxUnicastLength];
        TimeSpan wait = timeout;
        for (int attempt = 1; attempt <= attempts; attempt++)
        {
            await SendUdpAsync(socket, request, cancellationToken).ConfigureAwait(false);
            using var attemptTimeout = new CancellationTokenSource(wait, timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
            try
            {
                while (true)
                {
                    int length = await socket.ReceiveAsync(buffer, SocketFlags.None, linked.Token).ConfigureAwait(false);
                    if (TryAccept(buffer.AsSpan(0, length), id, out Answer answer))
                    {
                        return answer;
                    }
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                wait *= 2;
            }
            catch (SocketException e)
            {
                throw new WideAreaException(WideAreaError.Unreachable, $"DNS server {Server} is unreachable over UDP: {e.Message}", e);
            }
        }
        throw new WideAreaException(WideAreaError.Unreachable, $"DNS server {Server} did not answer over UDP ({attempts} tries, {timeout.TotalSeconds:0.#} s doubling).");
    }

    private async Task SendUdpAsync(Socket socket, byte[] request, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new WideAreaException(WideAreaError.Unreachable, $"DNS server {Server} is unreachable over UDP: {e.Message}", e);
        }
    }

    private async Task<Answer> ExchangeTcpAsync(byte[] request, CancellationToken cancellationToken)
    {
        ushort id = BinaryPrimitives.ReadUInt16BigEndian(request);
        using var attemptTimeout = new CancellationTokenSource(timeout * attempts, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, attemptTimeout.Token);
        using var socket = new Socket(Server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(Server, linked.Token).ConfigureAwait(false);
            byte[] framed = new byte[request.Length + 2];
            BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)request.Length);
            request.CopyTo(framed, 2);
            await socket.SendAsync(framed, SocketFlags.None, linked.Token).ConfigureAwait(false);
            byte[] prefix = new byte[2];
            await ReceiveExactlyAsync(socket, prefix, linked.Token).ConfigureAwait(false);
            byte[] buffer = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
            await ReceiveExactlyAsync(socket, buffer, linked.Token).ConfigureAwait(false);
            if (!TryAccept(buffer, id, out Answer answer))
            {
                throw new WideAreaException(WideAreaError.MalformedAnswer, $"DNS server {Server} sent a malformed or mismatched answer over TCP.");
            }
            return answer;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new WideAreaException(WideAreaError.Unreachable, $"DNS server {Server} did not answer over TCP within {(timeout * attempts).TotalSeconds:0.#} s.");
        }
        catch (SocketException e)
        {
            throw new WideAreaException(WideAreaError.Unreachable, $"DNS server {Server} is unreachable over TCP: {e.Message}", e);
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (!buffer.IsEmpty)
        {
            int read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new SocketException((int)SocketError.ConnectionReset);
            }
            buffer = buffer[read..];
        }
    }

    /// <summary>Whether a datagram is the answer to request <paramref name="id"/>: a well-formed response with that id.</summary>
    private static bool TryAccept(ReadOnlySpan<byte> data, ushort id, out Answer answer)
    {
        answer = default;
        if (!DnsMessage.TryParse(data, out DnsMessage message, out _, out _, DnsMessage.MaxUnicastLength) || !message.IsResponse || message.Id != id)
        {
            return false;
        }
        answer = new Answer(message, data.ToArray());
        return true;
    }
}
