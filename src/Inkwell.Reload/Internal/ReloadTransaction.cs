using Inkwell.Reload.Internal.Compilation;
using Inkwell.Reload.Internal.Graph;
using Inkwell.Reload.Internal.Loading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Reload.Internal;

/// <summary>
/// What one reload has found and made so far, handed from stage to stage (read, graph, affected set, compile, load,
/// state, commit; see <c>ReloadHost.Transaction.cs</c>). Nothing in it is visible to the rest of the host until the
/// commit stage swaps in a new <see cref="Snapshot"/>.
/// </summary>
internal sealed class ReloadTransaction(Snapshot old, long started, TransactionWatch? watch)
{
    /// <summary>What is loaded now; the transaction's starting point.</summary>
    public Snapshot Old { get; } = old;

    /// <summary>When the transaction started (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long Started { get; } = started;

    /// <summary>For a background transaction, the file events it has seen; null for one that always finishes.</summary>
    public TransactionWatch? Watch { get; } = watch;

    // Read stage.

    /// <summary>The module files' texts as read from disk, by full path.</summary>
    public Dictionary<string, string> Read { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Every module's text (the files and what the source generators made of them), by full path.</summary>
    public Dictionary<string, string> Texts { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, byte[]> Hashes { get; set; } = new(StringComparer.Ordinal);

    public List<string> Added { get; set; } = [];

    public List<string> Modified { get; set; } = [];

    public List<string> Removed { get; set; } = [];

    /// <summary>Added, modified and removed modules, in ordinal order.</summary>
    public List<string> Changed { get; set; } = [];

    public long ReadDone { get; set; }

    // Graph stage.

    /// <summary>Every module, in ordinal order.</summary>
    public string[] Paths { get; set; } = [];

    /// <summary>The parsed modules, by full path.</summary>
    public Dictionary<string, SyntaxTree> Trees { get; set; } = new(StringComparer.Ordinal);

    /// <summary>All modules compiled together, for the dependency walk and the names of declared namespaces.</summary>
    public CSharpCompilation? Discovery { get; set; }

    /// <summary>The references whose symbols the modules' code uses (to narrow each unit's references).</summary>
    public HashSet<MetadataReference> UsedReferences { get; set; } = [];

    /// <summary>How many modules the dependency walk visited (the others kept their uses from the last walk).</summary>
    public int Walked { get; set; }

    /// <summary>Every module's assembly name (a unit is named after its first module).</summary>
    public Dictionary<string, string> Names { get; set; } = new(StringComparer.Ordinal);

    public UnitGraph? Graph { get; set; }

    // Affected set.

    /// <summary>The units to compile and load, dependencies first.</summary>
    public List<GraphUnit> Order { get; set; } = [];

    public long GraphDone { get; set; }

    // Compile stage.

    public Dictionary<string, UnitImage> Images { get; } = new(StringComparer.Ordinal);

    public List<ReloadDiagnostic> Diagnostics { get; } = [];

    /// <summary>Units whose current image loads again instead of a new compile (their dependencies kept their surface).</summary>
    public HashSet<string> Reused { get; } = new(StringComparer.Ordinal);

    public long CompileDone { get; set; }

    // Load and state stages.

    /// <summary>The new versions, loaded but not yet current.</summary>
    public Dictionary<string, LoadedUnit> Loaded { get; } = new(StringComparer.Ordinal);

    /// <summary>The old versions that go away at the commit: the replaced ones and those whose modules were all deleted.</summary>
    public List<LoadedUnit> Retired { get; set; } = [];

    /// <summary>The modules whose loaded version is replaced or removed.</summary>
    public HashSet<string> ReplacedModules { get; set; } = [];

    public List<string> Notes { get; } = [];

    public long LoadDone { get; set; }

    /// <summary>When the <c>Reloading</c> handlers (which stop code running in the old versions) returned.</summary>
    public long StopDone { get; set; }

    public long StateDone { get; set; }
}
