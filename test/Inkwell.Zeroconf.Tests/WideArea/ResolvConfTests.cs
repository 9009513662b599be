using System.Net;
using Inkwell.Zeroconf.WideArea;

namespace Inkwell.Zeroconf.Tests.WideArea;

/// <summary>The resolv.conf(5) reader behind "no server configured": name servers in order, the last search/domain line.</summary>
public sealed class ResolvConfTests
{
    [Fact]
    public void Parse_NameServersInOrder_Port53_CommentsAndJunkIgnored()
    {
        ResolvConf conf = ResolvConf.Parse("""
            # generated
            nameserver 10.0.0.53   # first
            nameserver not-an-address
            ; nameserver 10.9.9.9
            options ndots:2
            nameserver fe80::1%eth0
            nameserver 2001:db8::53

            """);

        Assert.Equal(
            [new IPEndPoint(IPAddress.Parse("10.0.0.53"), 53), new IPEndPoint(IPAddress.Parse("fe80::1%eth0"), 53), new IPEndPoint(IPAddress.Parse("2001:db8::53"), 53)],
            conf.NameServers);
        Assert.Empty(conf.SearchDomains);
    }

    [Fact]
    public void Parse_TheLastSearchOrDomainLineWins()
    {
        Assert.Equal(["b.test", "c.test"], ResolvConf.Parse("domain a.test\r\nsearch b.test c.test.\r\n").SearchDomains);
        Assert.Equal(["a.test"], ResolvConf.Parse("search b.test c.test\ndomain a.test\n").SearchDomains);
    }

    [Fact]
    public void Load_MissingFile_IsEmpty()
    {
        ResolvConf conf = ResolvConf.Load("/nonexistent/resolv.conf");

        Assert.Empty(conf.NameServers);
        Assert.Empty(conf.SearchDomains);
    }
}
