namespace Inkwell.Zeroconf;

/// <summary>The base of every error Inkwell.Zeroconf reports (misuse gets the usual argument exceptions).</summary>
public class ZeroconfException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ZeroconfException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ZeroconfException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ZeroconfException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
