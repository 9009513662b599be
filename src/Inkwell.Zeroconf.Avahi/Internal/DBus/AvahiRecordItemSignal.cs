namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary><c>ItemNew</c> (<see cref="IsNew"/>) or <c>ItemRemove</c> of a RecordBrowser.</summary>
internal sealed record AvahiRecordItemSignal(bool IsNew, AvahiRecordItem Item) : AvahiSignal;
