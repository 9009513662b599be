namespace Inkwell.Zeroconf.Avahi;

/// <summary>Which responder does the work: the <c>--backend</c> switch of <c>inkwell dns-sd</c>.</summary>
public enum BackendMode
{
    /// <summary>avahi-daemon when it answers on the system bus, else the embedded responder.</summary>
    Auto,

    /// <summary>avahi-daemon, or an error when it is not there.</summary>
    Avahi,

    /// <summary>The embedded responder, without asking the bus.</summary>
    Embedded,
}
