namespace Inkwell.Zeroconf.Avahi;

/// <summary>
/// The Avahi daemon refused or failed an operation, went away in the middle of it, or the D-Bus system bus that
/// connects to it could not be reached or was lost.
/// </summary>
public sealed class AvahiException : ZeroconfException
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What failed, in words a user can act on.</param>
    public AvahiException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What failed, in words a user can act on.</param>
    /// <param name="innerException">The D-Bus or socket exception behind it.</param>
    public AvahiException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a D-Bus error reply.</summary>
    /// <param name="message">What failed, in words a user can act on.</param>
    /// <param name="errorName">The D-Bus error name, such as <c>org.freedesktop.Avahi.CollisionError</c>.</param>
    /// <param name="innerException">The D-Bus exception behind it.</param>
    public AvahiException(string message, string? errorName, Exception? innerException)
        : base(message, innerException)
    {
        ErrorName = errorName;
    }

    /// <summary>
    /// The D-Bus error name when the daemon or the bus answered with an error (for example
    /// <c>org.freedesktop.Avahi.CollisionError</c>, <c>org.freedesktop.DBus.Error.ServiceUnknown</c>), else null.
    /// </summary>
    public string? ErrorName { get; }

    /// <summary>A resolver gave up ("Timeout reached"): the instance did not answer in time; asking again may succeed.</summary>
    internal bool IsResolverTimeout { get; init; }
}
