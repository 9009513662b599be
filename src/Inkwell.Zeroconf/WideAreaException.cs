namespace Inkwell.Zeroconf;

/// <summary>
/// A wide-area DNS-SD operation (DNS UPDATE, unicast query) failed; <see cref="Error"/> says why. An UPDATE
/// that fails changed nothing: the server applies an update entirely or not at all (RFC 2136 §3.7).
/// </summary>
public sealed class WideAreaException : ZeroconfException
{
    /// <summary>Creates the exception.</summary>
    public WideAreaException(WideAreaError error, string message) : base(message) => Error = error;

    /// <summary>Creates the exception with a cause.</summary>
    public WideAreaException(WideAreaError error, string message, Exception? innerException) : base(message, innerException) => Error = error;

    /// <summary>What went wrong.</summary>
    public WideAreaError Error { get; }

    /// <summary>The response code the server answered with, when it answered.</summary>
    public int? ResponseCode { get; init; }
}
