using System.Net;
using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Internal.DBus;

namespace Inkwell.Zeroconf.Avahi.Tests;

/// <summary>The helpers that map Avahi's results onto Inkwell.Zeroconf's shapes (per-interface events, addresses).</summary>
public sealed class AvahiMappingTests
{
    private static AvahiBrowseEvent<AvahiServiceItem> Event(AvahiBrowseEventKind kind, int @interface, AvahiProtocol protocol, string name = "A")
        => new(kind, new AvahiServiceItem(@interface, protocol, name, "_x._tcp", "local", AvahiLookupResultFlags.Multicast));

    [Fact]
    public void PerInterfaceFilter_SameInstanceOverIPv4AndIPv6_OneAddedOneRemovedAfterBothLeave()
    {
        var filter = new AvahiPerInterfaceFilter();
        var passed = new List<AvahiBrowseEvent<AvahiServiceItem>>();
        AvahiBrowseEvent<AvahiServiceItem>[] events =
        [
            Event(AvahiBrowseEventKind.Added, 2, AvahiProtocol.IPv4),
            Event(AvahiBrowseEventKind.Added, 2, AvahiProtocol.IPv6),
            Event(AvahiBrowseEventKind.Added, 3, AvahiProtocol.IPv4),
            new(AvahiBrowseEventKind.AllForNow, null),
            Event(AvahiBrowseEventKind.Removed, 2, AvahiProtocol.IPv4),
            Event(AvahiBrowseEventKind.Removed, 2, AvahiProtocol.IPv6),
            Event(AvahiBrowseEventKind.Removed, 2, AvahiProtocol.IPv6),
        ];

        foreach (AvahiBrowseEvent<AvahiServiceItem> e in events)
        {
            if (filter.TryMap(e, out AvahiBrowseEvent<AvahiServiceItem> mapped))
            {
                passed.Add(mapped);
            }
        }

        Assert.Equal(
            ["Added 2", "Added 3", "AllForNow", "Removed 2"],
            passed.Select(e => e.Item is null ? e.Kind.ToString() : $"{e.Kind} {e.Item.Interface}"));
        Assert.All(passed.Where(e => e.Item is not null), e => Assert.Equal(AvahiProtocol.Unspecified, e.Item!.Protocol));
    }

    [Fact]
    public void PerInterfaceFilter_RemovedNeverAdded_Dropped()
    {
        var filter = new AvahiPerInterfaceFilter();

        Assert.False(filter.TryMap(Event(AvahiBrowseEventKind.Removed, 2, AvahiProtocol.IPv4), out _));
    }

    [Fact]
    public void Parse_IPv6LinkLocalWithoutZone_GetsTheInterfaceAsScopeId()
    {
        IPAddress address = AvahiAddresses.Parse("fe80::1", 7);

        Assert.Equal(7, address.ScopeId);
    }

    [Theory]
    [InlineData("10.213.0.2", "10.213.0.2")]
    [InlineData("2001:db8::1", "2001:db8::1")]
    public void Parse_OtherAddresses_Unchanged(string text, string expected)
    {
        Assert.Equal(IPAddress.Parse(expected), AvahiAddresses.Parse(text, 7));
    }

    [Fact]
    public void Parse_NotAnAddress_ThrowsAvahiExceptionQuotingIt()
    {
        AvahiException exception = Assert.Throws<AvahiException>(() => AvahiAddresses.Parse("inkwell-a.local", 2));

        Assert.Contains("'inkwell-a.local'", exception.Message, StringComparison.Ordinal);
    }
}
