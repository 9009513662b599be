namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary><c>ItemNew</c> (<see cref="IsNew"/>) or <c>ItemRemove</c> of a ServiceBrowser.</summary>
internal sealed record AvahiServiceItemSignal(bool IsNew, AvahiServiceItem Item) : AvahiSignal;
