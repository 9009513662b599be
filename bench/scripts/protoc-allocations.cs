// Where a googleads compile allocates: total bytes and the runtime's allocation samples (one per ~100 KB) by type.
// Run from the repository root (a .NET 10 file-based app):  dotnet run -c Release bench/scripts/protoc-allocations.cs [--source-info]
// Without --source-info it compiles as `inkwell protoc -o` does (no spans or comments recorded).
// INKWELL_CORPUS overrides ../shared/corpus.
#:project ../../src/Inkwell.Protobuf/Inkwell.Protobuf.csproj
#:property TargetFramework=net10.0
#:property PublishAot=false
#:property EventSourceSupport=true
using System.Diagnostics.Tracing;
using Inkwell.Protobuf;

string corpus = Environment.GetEnvironmentVariable("INKWELL_CORPUS") ?? Path.GetFullPath("../shared/corpus");
string root = Path.Combine(corpus, "googleads");
string[] files = [.. File.ReadAllLines(Path.Combine(root, "files.txt")).Where(l => l.Length > 0)];
string[] roots = [root, Path.Combine(corpus, "protobuf")];
bool sourceInfo = args.Contains("--source-info");
var options = new ProtoCompilerOptions { SourceInfo = sourceInfo };
var resolver = new FileSystemResolver(roots);
_ = ProtoCompiler.Compile(files, resolver, options).GetDescriptorSetBytes(includeImports: true, sourceInfo); // warm up

using var listener = new AllocationSampler();
long before = GC.GetTotalAllocatedBytes(precise: true);
CompilationResult result = ProtoCompiler.Compile(files, resolver, options);
byte[] set = result.GetDescriptorSetBytes(includeImports: true, sourceInfo);
long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
Thread.Sleep(1000); // let the last samples arrive
Console.WriteLine($"{result.AllFiles.Count} files, source info {sourceInfo}, set {set.Length / 1e6:F1} MB, allocated {allocated / 1e6:F1} MB");
foreach ((string type, long bytes) in listener.Snapshot().OrderByDescending(p => p.Value).Take(20))
{
    Console.WriteLine($"{bytes / 1e6,8:F1} MB  {type}");
}

/// <summary>Sums the runtime's GCAllocationTick samples by type.</summary>
internal sealed class AllocationSampler : EventListener
{
    private readonly Dictionary<string, long> _byType = [];

    public Dictionary<string, long> Snapshot()
    {
        lock (_byType)
        {
            return new Dictionary<string, long>(_byType);
        }
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, (EventKeywords)0x1); // GC keyword: allocation ticks
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || e.Payload is null || e.PayloadNames is null)
        {
            return;
        }

        string type = (string)e.Payload[e.PayloadNames.IndexOf("TypeName")]!;
        long amount = Convert.ToInt64(e.Payload[e.PayloadNames.IndexOf("AllocationAmount64")], System.Globalization.CultureInfo.InvariantCulture);
        lock (_byType)
        {
            _byType[type] = _byType.GetValueOrDefault(type) + amount;
        }
    }
}
