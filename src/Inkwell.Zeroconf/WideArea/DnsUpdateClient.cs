using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.WideArea;

/// <summary>
/// Sends DNS UPDATEs: signs each with TSIG when a key is configured, verifies the server's signed answer
/// (a forged "NOERROR" must not convince us), and turns error codes into <see cref="WideAreaException"/>s.
/// Prerequisite failures (YXDOMAIN, YXRRSET, NXRRSET) are returned, not thrown: the caller decides (rename).
/// </summary>
internal sealed class DnsUpdateClient(UnicastDnsClient client, TsigKey? key, TimeProvider timeProvider)
{
    public const int NoError = 0, FormErr = 1, ServFail = 2, NXDomain = 3, NotImp = 4, Refused = 5,
        YXDomain = 6, YXRRSet = 7, NXRRSet = 8, NotAuth = 9, NotZone = 10;

    public UnicastDnsClient Client => client;

    /// <summary>Sends the update; returns the answer's RCODE when it is NOERROR or a prerequisite failure.</summary>
    public async Task<int> SendAsync(DnsUpdate update, CancellationToken cancellationToken)
    {
        ushort id = (ushort)Random.Shared.Next(ushort.MaxValue + 1);
        byte[] request = update.Write(id);
        byte[] requestMac = [];
        if (key is not null)
        {
            request = Tsig.Sign(request, key, Now(), Tsig.DefaultFudge, [], out requestMac);
        }
        UnicastDnsClient.Answer answer = await client.ExchangeAsync(request, cancellationToken).ConfigureAwait(false);
        int rcode = answer.Message.Rcode;
        string zone = update.Zone.ToString();
        if (key is not null)
        {
            TsigResult result = Tsig.Verify(answer.Raw, key, requestMac, Now(), out string detail);
            WideAreaError? error = result switch
            {
                TsigResult.Valid => null,
                TsigResult.BadKey => WideAreaError.BadKey,
                TsigResult.BadTime => WideAreaError.BadTime,
                // An unsigned FORMERR / NOTIMP is allowed (RFC 8945 §5.2): report the code itself below.
                TsigResult.Unsigned when rcode is FormErr or NotImp => null,
                _ => WideAreaError.BadSignature,
            };
            if (error is { } e)
            {
                throw new WideAreaException(e, $"Update of zone {zone} at {client.Server} failed: {detail}.") { ResponseCode = rcode };
            }
        }
        return rcode switch
        {
            NoError or YXDomain or YXRRSet or NXRRSet => rcode,
            Refused => throw Fail(WideAreaError.Refused, rcode, $"the server REFUSED it: its update policy does not let {(key is null ? "an unsigned client" : $"key '{key.Name}'")} change these names"),
            NotAuth => throw Fail(WideAreaError.NotAuthoritative, rcode, $"the server is NOTAUTH: not authoritative for zone {zone}{(key is null ? ", or it wants a TSIG signature" : "")}"),
            NotZone => throw Fail(WideAreaError.NotZone, rcode, $"a name is outside zone {zone} (NOTZONE)"),
            NXDomain => throw Fail(WideAreaError.NotZone, rcode, $"the server has no zone {zone} (NXDOMAIN)"),
            ServFail => throw Fail(WideAreaError.ServerFailure, rcode, "the server failed (SERVFAIL)"),
            _ => throw Fail(WideAreaError.ServerFailure, rcode, $"the server answered with RCODE {rcode}"),
        };

        WideAreaException Fail(WideAreaError error, int code, string why) =>
            new(error, $"Update of zone {zone} at {client.Server} failed: {why}.") { ResponseCode = code };
    }

    private long Now() => timeProvider.GetUtcNow().ToUnixTimeSeconds();
}
