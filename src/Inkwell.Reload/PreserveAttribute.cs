namespace Inkwell.Reload;

/// <summary>
/// Keeps a static field's or property's value when its module reloads. The value is copied to the new
/// version's member of the same name (also marked <see cref="PreserveAttribute"/>) when its type can take it:
/// objects of types shared with the host are handed over as they are; objects of types defined in modules are
/// copied member by member into the new version's type, recursively, tolerating added and removed members.
/// </summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class PreserveAttribute : Attribute
{
}
