namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary><c>ItemNew</c> (<see cref="IsNew"/>) or <c>ItemRemove</c> of a ServiceTypeBrowser.</summary>
internal sealed record AvahiServiceTypeItemSignal(bool IsNew, AvahiServiceTypeItem Item) : AvahiSignal;
