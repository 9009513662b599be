namespace Inkwell.Zeroconf.Responder;

/// <summary>Where a set of owned records is in RFC 6762 §8's life cycle.</summary>
internal enum RecordSetState
{
    /// <summary>Not probing yet (the host name until the first service is registered).</summary>
    Waiting,
    /// <summary>Sending probes (§8.1).</summary>
    Probing,
    /// <summary>Probing succeeded; announcing (§8.3). Records are answered from here on.</summary>
    Announcing,
    /// <summary>Announced; defending (§9).</summary>
    Established,
    /// <summary>Unregistered; goodbyes sent.</summary>
    Removed,
}
