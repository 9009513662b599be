namespace Inkwell.Zeroconf.Avahi.Internal;

/// <summary>One event of a browse over items of type <typeparamref name="TItem"/>; <see cref="Item"/> is null for <see cref="AvahiBrowseEventKind.AllForNow"/>.</summary>
internal readonly record struct AvahiBrowseEvent<TItem>(AvahiBrowseEventKind Kind, TItem? Item)
    where TItem : class;
