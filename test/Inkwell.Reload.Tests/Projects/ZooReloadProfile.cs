using System.Diagnostics;
using System.Reflection;
using Inkwell.Reload.Internal.Compilation;
using Inkwell.Reload.Internal.Graph;
using Inkwell.Reload.Internal.Projects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Reload.Tests.Projects;

/// <summary>
/// Where a reload of <c>samples/ZooService</c> spends its read and graph phases, step by step, on a copy of the sample:
/// the transaction's own steps (project staleness, reading, parsing, the 14 source generators with each one's time,
/// hashing, the all-modules compilation, finding what to walk, the walk), for 7 method-body edits of
/// <c>KeeperService.cs</c> and then 8 rude ones (a new enum and a method using it, as the lab test's edit), after the
/// warm-up <c>inkwell run</c> does. A measurement to run by hand (it evaluates the sample with the SDK, which builds the
/// projects it references), not part of CI:
/// <c>test/Inkwell.Reload.Tests/bin/Release/net10.0/Inkwell.Reload.Tests -class Inkwell.Reload.Tests.Projects.ZooReloadProfile -explicit only -showLiveOutput</c>.
/// It checks what the graph promises for these edits: a body edit that changes only the greeting's text walks nothing, a
/// rude one <c>KeeperService.cs</c> alone.
/// </summary>
public sealed class ZooReloadProfile(ITestOutputHelper output)
{
    [Fact(Explicit = true)]
    public void ReadAndGraphPhases_OfZooServiceEdits()
    {
        string root = AppContext.BaseDirectory;
        while (!Directory.Exists(Path.Combine(root, "samples", "ZooService")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("samples/ZooService not found above the test assembly.");
        }

        // Beside the sample, so that its project references (../../src/...) resolve.
        string folder = Path.Combine(root, "artifacts", "ZooReloadProfile-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.EnumerateFiles(Path.Combine(root, "samples", "ZooService")))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        try
        {
            Profile(folder);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void Profile(string folder)
    {
        CancellationToken cancellationToken = TestContext.Current.CancellationToken;
        var session = new ProjectSession(Path.Combine(folder, "ZooService.csproj"));
        (CompilerSettings settings, _) = session.Evaluate(
            [.. ReloadHost.EnumerateModuleFiles(folder)], [ReferenceCache.FromFile(typeof(ReloadHost).Assembly.Location)!], optimize: true, output.WriteLine, cancellationToken);
        var compiler = new ModuleCompiler(settings);
        var index = new DependencyIndex();
        string keeper = Path.Combine(folder, "KeeperService.cs");
        string original = File.ReadAllText(keeper);
        var rows = new List<(bool Rude, Dictionary<string, double> Laps)>();
        for (int step = 0; step < 16; step++)
        {
            bool rude = step >= 8;
            if (step > 0)
            {
                File.WriteAllText(keeper, Edit(original, step, rude));
            }

            var laps = new Dictionary<string, double>();
            var watch = Stopwatch.StartNew();
            void Lap(string name)
            {
                laps[name] = watch.Elapsed.TotalMilliseconds;
                watch.Restart();
            }

            Assert.False(session.IsStale(ReloadHost.EnumerateModuleFiles(folder)));
            Lap("stale?");
            Dictionary<string, string> texts = session.ModuleFiles.ToDictionary(p => p, File.ReadAllText, StringComparer.Ordinal);
            Lap("read");
            SyntaxTree[] modules = [.. texts.Keys.Order(StringComparer.Ordinal).Select(p => compiler.Parse(p, texts[p], ModuleCompiler.Hash(texts[p])))];
            Lap("parse");
            (IReadOnlyList<(string Path, string Text)> generated, _) = compiler.Generate(modules, cancellationToken);
            Lap("generators");
            string slowest = string.Join(", ", GeneratorTimes(compiler).Where(g => g.Ms >= 1).OrderByDescending(g => g.Ms).Take(4).Select(g => $"{g.Name} {g.Ms:F0}"));
            foreach ((string path, string text) in generated)
            {
                texts[path] = text;
            }

            Dictionary<string, byte[]> hashes = texts.ToDictionary(p => p.Key, p => ModuleCompiler.Hash(p.Value), StringComparer.Ordinal);
            Lap("hash");
            SyntaxTree[] trees = [.. texts.Keys.Order(StringComparer.Ordinal).Select(p => compiler.Parse(p, texts[p], hashes[p]))];
            CSharpCompilation discovery = compiler.Discover(trees);
            Lap("discover");
            (_, _, int walked) = index.Walk(discovery, trees, cancellationToken);
            Lap("walk");
            if (step == 0)
            {
                compiler.WarmUpGenerators(cancellationToken); // as ReloadHost.Start does with WarmUp
                output.WriteLine($"first load: {Format(laps)}; generators warmed up in {watch.Elapsed.TotalMilliseconds:F0} ms");
                continue;
            }

            Assert.Equal(rude ? 1 : 0, walked); // the greeting's text alone: nothing; the rude edit: KeeperService.cs alone
            rows.Add((rude, laps));
            output.WriteLine($"{step} {(rude ? "rude" : "body")}: {Format(laps)} | slowest generators: {slowest}");
        }

        foreach (bool rude in new[] { false, true })
        {
            var kind = rows.Where(r => r.Rude == rude).Select(r => r.Laps).ToList();
            output.WriteLine($"median of {kind.Count} {(rude ? "rude" : "body")} edits: " + string.Join(" ", kind[0].Keys.Select(k => $"{k}={Median(kind.Select(l => l[k])):F1}")));
        }
    }

    private static string Edit(string original, int step, bool rude)
    {
        string text = original.Replace("the sofa is yours.", $"the sofa is yours ({step}).", StringComparison.Ordinal);
        return !rude ? text : text
            .Replace(
                "    // Edit me while the service runs: the next animal admitted is greeted by the new code.",
                $"    private enum Mood{step} {{ Sleepy, Playful }}\n\n    private static Mood{step} MoodOf(Animal animal) => animal.Name.Length % 2 == 0 ? Mood{step}.Sleepy : Mood{step}.Playful;\n",
                StringComparison.Ordinal)
            .Replace("$\"Welcome, {cat.Name}: mind the pond.\"", "$\"Hello again, {cat.Name}, you look {MoodOf(cat)}.\"", StringComparison.Ordinal);
    }

    /// <summary>Each generator's time in the last run (the driver's own timing, read from the runner the compiler keeps).</summary>
    private static IEnumerable<(string Name, double Ms)> GeneratorTimes(ModuleCompiler compiler)
    {
        object runner = typeof(ModuleCompiler).GetField("_generators", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(compiler)!;
        var driver = (GeneratorDriver)typeof(GeneratorRunner).GetField("_driver", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(runner)!;
        return driver.GetTimingInfo().GeneratorTimes.Select(g => (g.Generator.GetGeneratorType().Name, g.ElapsedTime.TotalMilliseconds));
    }

    private static string Format(Dictionary<string, double> laps) => string.Join(" ", laps.Select(p => $"{p.Key}={p.Value:F1}"));

    private static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
