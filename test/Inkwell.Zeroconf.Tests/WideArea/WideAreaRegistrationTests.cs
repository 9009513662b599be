using System.Net;

namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>
/// <see cref="DnsServiceDiscovery.RegisterAsync"/> with a non-local domain: records written by signed DNS UPDATE into a
/// real BIND 9 zone, read back with <c>dig</c>. Only wide-area options are given, so no multicast socket is opened.
/// </summary>
[Collection(nameof(BindCollection))]
public sealed class WideAreaRegistrationTests(BindLab lab)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private DnsServiceDiscovery Discovery(TsigKey? key = null, string host = "lab-host", params IPAddress[] addresses) => new(new DnsServiceDiscoveryOptions
    {
        WideArea = new WideAreaOptions
        {
            Server = lab.Server,
            Key = key ?? lab.Key,
            HostName = host,
            HostAddresses = addresses,
            Timeout = TimeSpan.FromSeconds(2), // generous: BIND on a loaded machine can take this long; only unreachable cases wait it out
            Attempts = 2,
        },
    });

    private static ServiceProfile Profile(string name, string type, int port = 8080) =>
        new(name, type, port) { Domain = BindLab.Zone, Txt = [new("path", "/x"), new("flag", null)], Subtypes = ["_printer"] };

    [Fact]
    public async Task Register_WritesPtrSrvTxtAndAddresses_AndDisposeRemovesThem()
    {
        lab.Require();
        await using DnsServiceDiscovery discovery = Discovery(addresses: [IPAddress.Parse("192.0.2.10"), IPAddress.Parse("2001:db8::10")]);

        ServiceRegistration registration = await discovery.RegisterAsync(Profile("Web Server", "_wreg._tcp"), Token);

        Assert.Equal(("Web Server", "_wreg._tcp", "example.test", 8080), (registration.Name, registration.ServiceType, registration.Domain, registration.Port));
        Assert.Equal("Web\\032Server._wreg._tcp.example.test.", lab.Dig("PTR", "_wreg._tcp.example.test").Trim());
        Assert.Equal("Web\\032Server._wreg._tcp.example.test.", lab.Dig("PTR", "_printer._sub._wreg._tcp.example.test").Trim());
        Assert.Equal("0 0 8080 lab-host.example.test.", lab.Dig("SRV", "Web\\032Server._wreg._tcp.example.test").Trim());
        Assert.Equal("\"path=/x\" \"flag\"", lab.Dig("TXT", "Web\\032Server._wreg._tcp.example.test").Trim());
        Assert.Equal("192.0.2.10", lab.Dig("A", "lab-host.example.test").Trim());
        Assert.Equal("2001:db8::10", lab.Dig("AAAA", "lab-host.example.test").Trim());

        await registration.DisposeAsync();

        Assert.Equal("", lab.Dig("PTR", "_wreg._tcp.example.test"));
        Assert.Equal("", lab.Dig("PTR", "_printer._sub._wreg._tcp.example.test"));
        Assert.Equal("", lab.Dig("ANY", "Web\\032Server._wreg._tcp.example.test"));
        Assert.Equal("", lab.Dig("A", "lab-host.example.test"));
    }

    [Fact]
    public async Task Register_NameTakenByAnotherRegistrant_RenamesAndLeavesTheOtherAlone()
    {
        lab.Require();
        await using DnsServiceDiscovery first = Discovery(host: "host-one");
        await using DnsServiceDiscovery second = Discovery(host: "host-two");

        ServiceRegistration one = await first.RegisterAsync(Profile("Shared", "_wconf._tcp", 1111), Token);
        ServiceRegistration two = await second.RegisterAsync(Profile("Shared", "_wconf._tcp", 2222), Token);

        Assert.Equal("Shared", one.Name);
        Assert.Equal("Shared (2)", two.Name);
        Assert.Equal("0 0 1111 host-one.example.test.", lab.Dig("SRV", "Shared._wconf._tcp.example.test").Trim());
        Assert.Equal("0 0 2222 host-two.example.test.", lab.Dig("SRV", "Shared\\032\\(2\\)._wconf._tcp.example.test").Trim());
        Assert.Equal(["Shared._wconf._tcp.example.test.", "Shared\\032\\(2\\)._wconf._tcp.example.test."],
            lab.Dig("PTR", "_wconf._tcp.example.test").Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

        await two.DisposeAsync();

        Assert.Equal("Shared._wconf._tcp.example.test.", lab.Dig("PTR", "_wconf._tcp.example.test").Trim());
        Assert.Equal("0 0 1111 host-one.example.test.", lab.Dig("SRV", "Shared._wconf._tcp.example.test").Trim());
    }

    [Fact]
    public async Task UpdateTxt_ReplacesTheTxtRecord()
    {
        lab.Require();
        await using DnsServiceDiscovery discovery = Discovery();
        await using ServiceRegistration registration = await discovery.RegisterAsync(Profile("Txt", "_wtxt._tcp"), Token);

        await registration.UpdateTxtAsync([new("v", "2")], Token);

        Assert.Equal("\"v=2\"", lab.Dig("TXT", "Txt._wtxt._tcp.example.test").Trim());
    }

    [Fact]
    public async Task DisposingTheDiscovery_WithdrawsItsRegistrations()
    {
        lab.Require();
        DnsServiceDiscovery discovery = Discovery();
        await discovery.RegisterAsync(Profile("Left Over", "_wdisp._tcp"), Token);
        Assert.NotEqual("", lab.Dig("PTR", "_wdisp._tcp.example.test"));

        await discovery.DisposeAsync();

        Assert.Equal("", lab.Dig("PTR", "_wdisp._tcp.example.test"));
    }

    [Fact]
    public async Task Register_WrongKey_FailsWithBadSignature_AndWritesNothing()
    {
        lab.Require();
        await using DnsServiceDiscovery discovery = Discovery(new TsigKey(BindLab.KeyName, "hmac-sha256", new byte[32]));

        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(async () => await discovery.RegisterAsync(Profile("Wrong Key", "_wkey._tcp"), Token));

        Assert.Equal(WideAreaError.BadSignature, e.Error);
        Assert.Equal("", lab.Dig("PTR", "_wkey._tcp.example.test"));
    }

    [Fact]
    public async Task Register_ZoneWithoutUpdatePolicy_FailsRefused()
    {
        lab.Require();
        await using DnsServiceDiscovery discovery = Discovery();

        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(async () =>
            await discovery.RegisterAsync(new ServiceProfile("Static", "_wstat._tcp", 1) { Domain = BindLab.StaticZone }, Token));

        Assert.Equal(WideAreaError.Refused, e.Error);
        Assert.Contains("REFUSED", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_NonLocalDomainWithoutWideAreaOptions_IsAnArgumentError()
    {
        await using var discovery = new DnsServiceDiscovery(new DnsServiceDiscoveryOptions());

        ArgumentException e = await Assert.ThrowsAsync<ArgumentException>(async () =>
            await discovery.RegisterAsync(new ServiceProfile("X", "_x._tcp", 1) { Domain = "example.test" }, Token));

        Assert.Contains("no wide-area DNS server is configured", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_InADomainInsideTheZone_FindsTheZoneFromTheSoa()
    {
        lab.Require();
        await using DnsServiceDiscovery discovery = Discovery(host: "site-host");

        ServiceRegistration registration = await discovery.RegisterAsync(
            new ServiceProfile("Branch", "_wsite._tcp", 7070) { Domain = "sites." + BindLab.Zone }, Token);

        Assert.Equal("sites.example.test", registration.Domain);
        Assert.Equal("Branch._wsite._tcp.sites.example.test.", lab.Dig("PTR", "_wsite._tcp.sites.example.test").Trim());
        Assert.Equal("0 0 7070 site-host.sites.example.test.", lab.Dig("SRV", "Branch._wsite._tcp.sites.example.test").Trim());
        await registration.DisposeAsync();
        Assert.Equal("", lab.Dig("PTR", "_wsite._tcp.sites.example.test"));
    }

    [Fact]
    public async Task Register_InADomainTheServerDoesNotServe_FailsClearly()
    {
        lab.Require();
        await using DnsServiceDiscovery discovery = Discovery();

        WideAreaException e = await Assert.ThrowsAsync<WideAreaException>(async () =>
            await discovery.RegisterAsync(new ServiceProfile("Nowhere", "_wnone._tcp", 1) { Domain = "elsewhere.test" }, Token));

        Assert.Equal(WideAreaError.Refused, e.Error);
        Assert.Contains("elsewhere.test", e.Message, StringComparison.Ordinal);
    }
}
