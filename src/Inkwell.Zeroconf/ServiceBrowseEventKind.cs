namespace Inkwell.Zeroconf;

/// <summary>What happened to a service instance seen by a browse.</summary>
public enum ServiceBrowseEventKind
{
    /// <summary>The instance appeared.</summary>
    Added,
    /// <summary>The instance's TXT data changed.</summary>
    Updated,
    /// <summary>The instance said goodbye or its records expired.</summary>
    Removed,
}
