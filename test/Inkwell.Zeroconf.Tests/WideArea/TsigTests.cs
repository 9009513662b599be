using System.Buffers.Binary;
using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>
/// TSIG (RFC 8945) signing and verification in memory. Whether BIND accepts our signature, and whether we
/// accept BIND's, is the real test: <see cref="BindUpdateTests"/>.
/// </summary>
public sealed class TsigTests
{
    private static readonly TsigKey s_key = new("Inkwell-Key.", "HMAC-SHA256", Convert.FromBase64String("6bGx4cuhD4oKMJv8t94D6nY5k3hA9m8gXyQ2HtJbQ6c="));
    private const long Now = 1_800_000_000;

    private static byte[] Update()
    {
        var update = new DnsUpdate(DnsName.Parse("example.test"));
        update.Prerequisites.Add(DnsUpdate.NameNotInUse(DnsName.Parse("x._http._tcp.example.test")));
        update.Updates.Add(new DnsRecord(DnsName.Parse("_http._tcp.example.test"), DnsRecordType.Ptr, 120, new PtrRecordData(DnsName.Parse("x._http._tcp.example.test"))));
        return update.Write(0x1234);
    }

    /// <summary>Signs an answer the way a server does: the request MAC first (RFC 8945 §4.3.1).</summary>
    private static byte[] SignedResponse(byte[] requestMac, TsigKey key, long time)
    {
        byte[] response = Update();
        BinaryPrimitives.WriteUInt16BigEndian(response.AsSpan(2), 0xA800);
        return Tsig.Sign(response, key, time, Tsig.DefaultFudge, requestMac, out _);
    }

    [Fact]
    public void Sign_AppendsOneTsigRecordAfterEverything()
    {
        byte[] unsigned = Update();
        byte[] signed = Tsig.Sign(unsigned, s_key, Now, Tsig.DefaultFudge, [], out byte[] mac);

        Assert.True(DnsMessage.TryParse(signed, out DnsMessage message, out _, out string? error), error);
        Assert.Equal(32, mac.Length);
        DnsRecord tsig = Assert.Single(message.Additionals);
        Assert.Equal((DnsRecordType)Tsig.RecordType, tsig.Type);
        Assert.Equal(DnsClass.Any, tsig.Class);
        Assert.Equal("inkwell-key", tsig.Name.ToString());
        Assert.Equal(unsigned[..10], signed[..10]);
        Assert.Equal(unsigned[12..], signed[12..unsigned.Length]);
        Assert.Equal(BinaryPrimitives.ReadUInt16BigEndian(unsigned.AsSpan(10)) + 1, BinaryPrimitives.ReadUInt16BigEndian(signed.AsSpan(10)));
    }

    [Fact]
    public void Verify_ResponseSignedWithTheRequestMac_IsValid()
    {
        Tsig.Sign(Update(), s_key, Now, Tsig.DefaultFudge, [], out byte[] requestMac);
        byte[] response = SignedResponse(requestMac, s_key, Now);

        Assert.Equal(TsigResult.Valid, Tsig.Verify(response, s_key, requestMac, Now + 10, out string detail));
        Assert.Equal("", detail);
    }

    [Fact]
    public void Verify_AnotherRequestsMac_FailsBadSig()
    {
        Tsig.Sign(Update(), s_key, Now, Tsig.DefaultFudge, [], out byte[] requestMac);
        byte[] response = SignedResponse(requestMac, s_key, Now);
        requestMac[0] ^= 1;

        Assert.Equal(TsigResult.BadSig, Tsig.Verify(response, s_key, requestMac, Now, out _));
    }

    [Fact]
    public void Verify_TamperedMessage_FailsBadSig()
    {
        Tsig.Sign(Update(), s_key, Now, Tsig.DefaultFudge, [], out byte[] requestMac);
        byte[] response = SignedResponse(requestMac, s_key, Now);
        int ttlOffset = Array.IndexOf(response, (byte)120);
        response[ttlOffset] = 121;   // the PTR's TTL, inside the signed part

        Assert.Equal(TsigResult.BadSig, Tsig.Verify(response, s_key, requestMac, Now, out string detail));
        Assert.Contains("does not verify", detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_OtherSecret_FailsBadSig()
    {
        var other = new TsigKey("inkwell-key", "hmac-sha256", new byte[32]);
        Tsig.Sign(Update(), s_key, Now, Tsig.DefaultFudge, [], out byte[] requestMac);

        Assert.Equal(TsigResult.BadSig, Tsig.Verify(SignedResponse(requestMac, other, Now), s_key, requestMac, Now, out _));
    }

    [Fact]
    public void Verify_OtherKeyName_IsWrongKey()
    {
        var other = new TsigKey("someone-else", "hmac-sha256", s_key.Secret);
        Tsig.Sign(Update(), s_key, Now, Tsig.DefaultFudge, [], out byte[] requestMac);

        Assert.Equal(TsigResult.WrongKey, Tsig.Verify(SignedResponse(requestMac, other, Now), s_key, requestMac, Now, out _));
    }

    [Fact]
    public void Verify_OutsideTheFudge_IsBadTime()
    {
        Tsig.Sign(Update(), s_key, Now, Tsig.DefaultFudge, [], out byte[] requestMac);
        byte[] response = SignedResponse(requestMac, s_key, Now);

        Assert.Equal(TsigResult.BadTime, Tsig.Verify(response, s_key, requestMac, Now + Tsig.DefaultFudge + 1, out _));
    }

    [Fact]
    public void Verify_UnsignedMessage_IsUnsigned()
    {
        Assert.Equal(TsigResult.Unsigned, Tsig.Verify(Update(), s_key, [], Now, out _));
    }

    [Fact]
    public void Verify_EveryTruncationAndByteFlip_NeverThrowsNorValidates()
    {
        Tsig.Sign(Update(), s_key, Now, Tsig.DefaultFudge, [], out byte[] requestMac);
        byte[] response = SignedResponse(requestMac, s_key, Now);
        for (int length = 0; length < response.Length; length++)
        {
            Assert.NotEqual(TsigResult.Valid, Tsig.Verify(response.AsSpan(0, length), s_key, requestMac, Now, out _));
        }
        // From byte 2: the header's id is not covered, the TSIG record's original id is (RFC 8945 §4.3.2: a forwarder
        // may change the id); the client matches the id to its request before verifying.
        for (int i = 2; i < response.Length; i++)
        {
            byte[] copy = (byte[])response.Clone();
            copy[i] ^= 0x5A;
            // A flipped byte in the MAC-covered part, the MAC or the TSIG fields must never verify.
            Assert.True(TsigResult.Valid != Tsig.Verify(copy, s_key, requestMac, Now, out _), $"byte {i} of {response.Length}");
        }
    }
}
