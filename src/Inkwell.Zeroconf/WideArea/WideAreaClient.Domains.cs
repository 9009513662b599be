using Inkwell.Zeroconf.Dns;
using Inkwell.Zeroconf.Internal;

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

    /// <summary>
    /// The domains a host asks for its browsing and registration domains when none is named (RFC 6763 §11: the
    /// domains the host is configured with): the search list of the system resolver's configuration.
    /// </summary>
    public IReadOnlyList<DnsName> SystemSearchDomains() =>
        [.. ResolvConf.Load(_options.ResolvConfPath).SearchDomains.Select(DnsName.Parse).Where(d => !ServiceNames.IsMulticast(d))];

    /// <summary>
    /// The recommended domains of each system search domain (<see cref="SystemSearchDomains"/>), in search-list order,
    /// each once. A search domain the server refuses or does not know contributes nothing: the next one may still answer.
    /// </summary>
    public async Task<IReadOnlyList<string>> EnumerateSystemDomainsAsync(DomainEnumerationKind kind, CancellationToken cancellationToken)
    {
        List<string> found = [];
        foreach (DnsName domain in SystemSearchDomains())
        {
            try
            {
                found.AddRange(await EnumerateDomainsAsync(kind, domain, cancellationToken).ConfigureAwait(false));
            }
            catch (WideAreaException e) when (e.Error is WideAreaError.Refused or WideAreaError.ServerFailure)
            {
                Log.WideAreaSearchDomainFailed(_logger, Server, domain.ToString(), e.Message);
            }
        }
        return [.. found.Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
