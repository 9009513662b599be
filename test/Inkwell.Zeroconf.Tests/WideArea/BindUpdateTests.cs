using System.Net;
using System.Net.Sockets;
using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.WideArea;

namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>
/// Our UPDATE and TSIG code against a real BIND 9: it must accept our signatures, we must accept its signed
/// answers, and each way of failing must come back as the right <see cref="WideAreaException"/>. <c>dig</c>
/// checks what was written.
/// </summary>
[Collection(nameof(BindCollection))]
public sealed class BindUpdateTests(BindLab lab)
{
    private DnsUpdateClient Client(TsigKey? key, IPEndPoint? server = null) =>
        new(new UnicastDnsClient(server ?? lab.Server, TimeSpan.FromSeconds(2), 2, TimeProvider.System), key, TimeProvider.System);

    private static DnsUpdate AddTxt(string zone, string label, string text)
    {
        var update = new DnsUpdate(DnsName.Parse(zone)) { Lease = TimeSpan.FromHours(1) };
        update.Updates.Add(new DnsRecord(DnsName.Parse($"{label}.{zone}"), DnsRecordType.Txt, 60, new TxtRecordData([System.Text.Encoding.UTF8.GetBytes(text)])));
        return update;
    }

    [Fact]
    public async Task SignedUpdate_IsAcceptedByBind_AndItsSignedAnswerVerifies()
    {
        lab.Require();
        int rcode = await Client(lab.Key).SendAsync(AddTxt(BindLab.Zone, "signed", "hello"), TestContext.Current.CancellationToken);

        Assert.Equal(DnsUpdateClient.NoError, rcode);
        Assert.Equal("\"hello\"", lab.Dig("TXT", "signed." + BindLab.Zone).Trim());
    }

    [Fact]
    public async Task NameNotInUsePrerequisite_OnAnExistingName_IsYXDomainAndChangesNothing()
    {
        lab.Require();
        lab.NsUpdate($"update add taken.{BindLab.Zone} 60 TXT \"first\"");
        DnsUpdate update = AddTxt(BindLab.Zone, "taken", "second");
        update.Prerequisites.Add(DnsUpdate.NameNotInUse(DnsName.Parse("taken." + BindLab.Zone)));

        int rcode = await Client(lab.Key).SendAsync(update, TestContext.Current.CancellationToken);

        Assert.Equal(DnsUpdateClient.YXDomain, rcode);
        Assert.Equal("\"first\"", lab.Dig("TXT", "taken." + BindLab.Zone).Trim());
    }

    [Fact]
    public async Task WrongSecret_IsBadSignature_AndNothingIsWritten()
    {
        lab.Require();
        var wrong = new TsigKey(BindLab.KeyName, "hmac-sha256", new byte[32]);

        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(() => Client(wrong).SendAsync(AddTxt(BindLab.Zone, "badsig", "x"), TestContext.Current.CancellationToken));

        Assert.Equal(WideAreaError.BadSignature, e.Error);
        Assert.Contains("BADSIG", e.Message, StringComparison.Ordinal);
        Assert.Equal("", lab.Dig("TXT", "badsig." + BindLab.Zone));
    }

    [Fact]
    public async Task UnknownKeyName_IsBadKey()
    {
        lab.Require();
        var unknown = new TsigKey("nobody-key", "hmac-sha256", lab.Key.Secret);

        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(() => Client(unknown).SendAsync(AddTxt(BindLab.Zone, "badkey", "x"), TestContext.Current.CancellationToken));

        Assert.Equal(WideAreaError.BadKey, e.Error);
        Assert.Equal("", lab.Dig("TXT", "badkey." + BindLab.Zone));
    }

    [Fact]
    public async Task ZoneWithoutUpdatePolicy_IsRefused()
    {
        lab.Require();
        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(() => Client(lab.Key).SendAsync(AddTxt(BindLab.StaticZone, "refused", "x"), TestContext.Current.CancellationToken));

        Assert.Equal(WideAreaError.Refused, e.Error);
        Assert.Equal(DnsUpdateClient.Refused, e.ResponseCode);
        Assert.Equal("", lab.Dig("TXT", "refused." + BindLab.StaticZone));
    }

    [Fact]
    public async Task ZoneTheServerDoesNotServe_IsNotAuthoritative()
    {
        lab.Require();
        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(() => Client(lab.Key).SendAsync(AddTxt("elsewhere.test", "x", "x"), TestContext.Current.CancellationToken));

        Assert.Equal(WideAreaError.NotAuthoritative, e.Error);
    }

    [Fact]
    public async Task UnsignedUpdate_IsRefused()
    {
        lab.Require();
        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(() => Client(null).SendAsync(AddTxt(BindLab.Zone, "unsigned", "x"), TestContext.Current.CancellationToken));

        Assert.Equal(WideAreaError.Refused, e.Error);
        Assert.Equal("", lab.Dig("TXT", "unsigned." + BindLab.Zone));
    }

    [Fact]
    public async Task NothingListening_IsUnreachable()
    {
        // A loopback port nobody listens on: the kernel answers with ICMP port unreachable.
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var closed = (IPEndPoint)probe.LocalEndPoint!;
        probe.Close();

        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(() =>
            Client(new TsigKey("k", "hmac-sha256", [1]), closed).SendAsync(AddTxt(BindLab.Zone, "x", "x"), TestContext.Current.CancellationToken));

        Assert.Equal(WideAreaError.Unreachable, e.Error);
        Assert.Contains(closed.ToString(), e.Message, StringComparison.Ordinal);
    }
}
