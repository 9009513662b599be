namespace Inkwell.Zeroconf;

/// <summary>What happened to a record a raw query (<see cref="DnsServiceDiscovery.QueryRecordsAsync"/>) follows.</summary>
public enum DnsRecordEventKind
{
    /// <summary>The record appeared.</summary>
    Added,
    /// <summary>The record said goodbye or expired.</summary>
    Removed,
}
