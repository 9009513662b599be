namespace Inkwell.Zeroconf;

/// <summary>Why a wide-area (unicast DNS) operation failed; see <see cref="WideAreaException"/>.</summary>
public enum WideAreaError
{
    /// <summary>The server did not answer (timeout), or refused the connection (nothing listens there).</summary>
    Unreachable,
    /// <summary>The server refused the request (RCODE REFUSED): policy forbids this key or client to update the zone.</summary>
    Refused,
    /// <summary>The server is not authoritative for the zone (RCODE NOTAUTH without a TSIG error).</summary>
    NotAuthoritative,
    /// <summary>The server does not know the key's name or algorithm (TSIG BADKEY).</summary>
    BadKey,
    /// <summary>The signature did not verify: the secret differs (TSIG BADSIG), or the server's answer is not signed with our key.</summary>
    BadSignature,
    /// <summary>The clocks of client and server differ by more than the fudge (TSIG BADTIME).</summary>
    BadTime,
    /// <summary>The zone or a name in the update is not what the server serves (NOTZONE, NXDOMAIN on the zone).</summary>
    NotZone,
    /// <summary>The server failed (SERVFAIL) or answered with another error code.</summary>
    ServerFailure,
    /// <summary>The answer could not be parsed, or did not match the question.</summary>
    MalformedAnswer,
    /// <summary>No free instance name was found after many renames.</summary>
    NameConflict,
}
