namespace Inkwell.Zeroconf;

/// <summary>Which list of domains to ask a DNS server for (RFC 6763 §11: PTR records at <c>&lt;label&gt;._dns-sd._udp.&lt;domain&gt;</c>).</summary>
public enum DomainEnumerationKind
{
    /// <summary>Domains recommended for browsing (<c>b._dns-sd._udp</c>).</summary>
    Browse,
    /// <summary>The default browsing domain (<c>db._dns-sd._udp</c>).</summary>
    DefaultBrowse,
    /// <summary>Domains recommended for registering (<c>r._dns-sd._udp</c>).</summary>
    Registration,
    /// <summary>The default registration domain (<c>dr._dns-sd._udp</c>).</summary>
    DefaultRegistration,
    /// <summary>Domains for legacy browsing, where clients that do not ask browse automatically (<c>lb._dns-sd._udp</c>).</summary>
    LegacyBrowse,
}
