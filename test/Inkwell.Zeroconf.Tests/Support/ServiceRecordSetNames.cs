using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.Support;

internal static class ServiceRecordSetNames
{
    public static readonly DnsName Services = DnsName.Parse("_services._dns-sd._udp.local");
}
