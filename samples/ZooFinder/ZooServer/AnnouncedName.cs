namespace ZooFinder;

/// <summary>The instance name this server announced (after any rename), kept for requests served while shutting down.</summary>
public sealed class AnnouncedName
{
    /// <summary>The name, or a placeholder before the advertisement is registered.</summary>
    public string Value { get; set; } = "(not announced yet)";
}
