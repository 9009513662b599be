using System.Collections.Concurrent;

namespace Inkwell.Reload.Tests;

/// <summary>Where test programs report that their entry point started (shared with the modules).</summary>
public static class EntryProbe
{
    public static BlockingCollection<string> Started { get; } = [];
}
