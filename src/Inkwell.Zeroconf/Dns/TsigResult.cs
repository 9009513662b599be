namespace Inkwell.Zeroconf.Dns;

/// <summary>What checking a response's TSIG record found (RFC 8945 §5.3).</summary>
internal enum TsigResult
{
    /// <summary>The MAC verifies and the time is within the fudge.</summary>
    Valid,
    /// <summary>The response carries no TSIG record (a server must sign answers to signed requests, except FORMERR and the like).</summary>
    Unsigned,
    /// <summary>The response is signed with another key or algorithm.</summary>
    WrongKey,
    /// <summary>The server does not know the key (TSIG error BADKEY).</summary>
    BadKey,
    /// <summary>The server rejected our MAC, or the response's MAC does not verify (BADSIG).</summary>
    BadSig,
    /// <summary>The clocks differ by more than the fudge (BADTIME), on either side.</summary>
    BadTime,
    /// <summary>Another TSIG error code.</summary>
    OtherError,
    /// <summary>The TSIG record, or the message around it, is broken.</summary>
    Malformed,
}
