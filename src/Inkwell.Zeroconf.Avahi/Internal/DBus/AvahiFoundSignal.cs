namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary><c>Found</c> of a ServiceResolver.</summary>
internal sealed record AvahiFoundSignal(AvahiResolvedService Service) : AvahiSignal;
