// Where a googleads compile spends its time, phase by phase, in one process: reading the files, parsing them
// (one thread), the whole compile (parallel parse + sequential binding), writing the descriptor set. The first
// round is cold (JIT included, as in a fresh `inkwell protoc`), the rest warm; warm medians are printed.
// Run from the repository root (a .NET 10 file-based app):  dotnet run -c Release bench/scripts/protoc-phases.cs [rounds]
// INKWELL_CORPUS overrides ../shared/corpus.
#:project ../../src/Inkwell.Protobuf/Inkwell.Protobuf.csproj
#:property TargetFramework=net10.0
#:property PublishAot=false
#:property TieredPGO=false
using System.Diagnostics;
using System.Reflection;
using Inkwell.Protobuf;

string corpus = Environment.GetEnvironmentVariable("INKWELL_CORPUS") ?? Path.GetFullPath("../shared/corpus");
string root = Path.Combine(corpus, "googleads");
string[] requested = [.. File.ReadAllLines(Path.Combine(root, "files.txt")).Where(l => l.Length > 0)];
var resolver = new FileSystemResolver([root, Path.Combine(corpus, "protobuf")]);
var options = new ProtoCompilerOptions { SourceInfo = false };
int rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 8;

// The parser is internal: reach it through reflection once, then call it through a delegate.
MethodInfo parse = typeof(ProtoCompiler).Assembly.GetType("Inkwell.Protobuf.Syntax.Parser", throwOnError: true)!
    .GetMethod("Parse", BindingFlags.Public | BindingFlags.Static)!;

// Every file of the compile (requested + imports), from one compile's result.
string[] all = [.. ProtoCompiler.Compile(requested, resolver, options).AllFiles.Select(f => f.Name)];
Console.WriteLine($"{requested.Length} requested files, {all.Length} in all; rounds: 1 cold + {rounds - 1} warm; {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg")[..14]}");

var times = new Dictionary<string, List<double>>();
void Record(string phase, Stopwatch sw) => (times.TryGetValue(phase, out var l) ? l : times[phase] = []).Add(sw.Elapsed.TotalMilliseconds);

for (int round = 0; round < rounds; round++)
{
    var sw = Stopwatch.StartNew();
    var texts = new string[all.Length];
    for (int i = 0; i < all.Length; i++)
    {
        resolver.TryRead(all[i], out texts[i], out _);
    }

    Record("read all files (1 thread)", sw);
    sw.Restart();
    long allocated = GC.GetAllocatedBytesForCurrentThread();
    for (int i = 0; i < all.Length; i++)
    {
        object?[] arguments = [texts[i], all[i], (Action<int, int, string, DiagnosticSeverity>)((_, _, _, _) => { }), null, false];
        parse.Invoke(null, arguments);
    }

    Record("parse all files (1 thread, no source info)", sw);
    long parseAllocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
    sw.Restart();
    TimeSpan pauseBefore = GC.GetTotalPauseDuration();
    int gen0 = GC.CollectionCount(0), gen1 = GC.CollectionCount(1), gen2 = GC.CollectionCount(2);
    CompilationResult result = ProtoCompiler.Compile(requested, resolver, options);
    Record("compile (read + parallel parse + bind)", sw);
    (times.TryGetValue("  of which GC pauses", out var gcList) ? gcList : times["  of which GC pauses"] = []).Add((GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
    if (round <= 1)
    {
        Console.WriteLine($"round {round} compile: GCs gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}");
    }

    sw.Restart();
    byte[] set = result.GetDescriptorSetBytes(includeImports: true);
    Record("write descriptor set", sw);
    if (round == 0)
    {
        Console.WriteLine($"parse allocated {parseAllocated / 1e6:F1} MB on its thread; set {set.Length / 1e6:F2} MB");
    }
}

foreach ((string phase, List<double> list) in times)
{
    double[] warm = [.. list.Skip(1).Order()];
    Console.WriteLine($"{phase,-45} cold {list[0],7:F1} ms   warm median {warm[warm.Length / 2],7:F1} ms");
}
