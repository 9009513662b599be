using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.WideArea;

internal sealed partial class WideAreaClient
{
    /// <summary>The domains a zone's operator recommends (RFC 6763 §11): the PTR targets at <c>&lt;b|db|r|dr|lb&gt;._dns-sd._udp.&lt;domain&gt;</c>.</summary>
    public async Task<IReadOnlyList<string>> EnumerateDomainsAsync(DomainEnumerationKind kind, DnsName domain, CancellationToken cancellationToken)
    {
        string label = kind switch
        {
            DomainEnumerationKind.Browse => "b",
            DomainEnumerationKind.DefaultBrowse => "db",
            DomainEnumerationKind.Registration => "r",
            DomainEnumerationKind.DefaultRegistration => "dr",
            DomainEnumerationKind.LegacyBrowse => "lb",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a domain enumeration kind."),
        };
        DnsName name = DnsName.FromLabels([label, "_dns-sd", "_udp", .. domain.Labels]);
        DnsMessage response = await QueryAsync(name, DnsRecordType.Ptr, cancellationToken).ConfigureAwait(false);
        return [.. AnswersFor(response, name, DnsRecordType.Ptr).Select(r => ((PtrRecordData)r.Data).Target.ToString()).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
