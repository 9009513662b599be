using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests;

/// <summary>Broken variants of the corpus files: Inkwell must accept exactly what protoc accepts, and never throw.</summary>
public sealed class MutationTests
{
    public static IEnumerable<TheoryDataRow<string>> MutationNames() => Mutations.All.Select(m => new TheoryDataRow<string>(m.Name));

    [Theory]
    [MemberData(nameof(MutationNames))]
    public void Mutation_AcceptRejectMatchesProtoc(string mutation)
    {
        var disagreements = new List<string>();
        ForEachMutant(mutation, (file, overlay, root) =>
        {
            (int exitCode, string protocError, _) = Protoc.Run(["-I" + overlay, "-I" + root, file], root);
            CompilationResult result = ProtoCompiler.Compile([file], [overlay, root], TestContext.Current.CancellationToken);
            if ((exitCode == 0) != result.Success)
            {
                disagreements.Add($"{file}: protoc {(exitCode == 0 ? "accepts" : "rejects")}: {protocError.Trim()} | inkwell: {string.Join(" / ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(2))}");
            }
        });

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreement(s):\n" + string.Join("\n", disagreements.Take(15)));
    }

    /// <summary>
    /// Writes each corpus file's variant under <paramref name="mutation"/> into an overlay folder that shadows the corpus
    /// (<c>-I overlay -I corpus</c>), calls <paramref name="check"/> with the file's name, the overlay and the corpus
    /// root, and removes it again. Skips without protoc or the corpus.
    /// </summary>
    private static void ForEachMutant(string mutation, Action<string, string, string> check) =>
        ForEachMutant(mutation, extraSeed: int.TryParse(Environment.GetEnvironmentVariable("INKWELL_MUTATION_SEED"), out int extra) ? extra : 0, check);

    private static void ForEachMutant(string mutation, int extraSeed, Action<string, string, string> check)
    {
        string root = Corpus.RequireProtobuf();
        Protoc.Require();
        Func<string, string, Random, string?> apply = Mutations.All.Single(m => m.Name == mutation).Apply;
        string overlay = Directory.CreateTempSubdirectory("inkwell-mutation-").FullName;
        try
        {
            // A stable seed per mutation (string.GetHashCode differs per process); INKWELL_MUTATION_SEED explores others.
            int seed = (mutation.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & 0x7FFFFFFF) ^ extraSeed;

            var random = new Random(seed);
            IEnumerable<string> files = Corpus.ProtobufFiles().Select(row => row.Data).Where(f => new FileInfo(Path.Combine(root, f)).Length < 60_000);
            foreach (string file in files)
            {
                string original = File.ReadAllText(Path.Combine(root, file));
                string? mutated = apply(original, file, random);
                if (mutated is null || mutated == original)
                {
                    continue;
                }

                string path = Path.Combine(overlay, file);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, mutated);
                check(file, overlay, root);
                File.Delete(path);
            }
        }
        finally
        {
            Directory.Delete(overlay, recursive: true);
        }
    }

    /// <summary>
    /// The complete list, not only the first error: IDEs, the source generator and CI logs show every diagnostic at
    /// once, so every line protoc prints (errors and warnings, in order) must be Inkwell's line.
    /// </summary>
    [Theory]
    [MemberData(nameof(MutationNames))]
    public void Mutation_EveryDiagnosticMatchesProtoc(string mutation)
    {
        var disagreements = new List<string>();
        ForEachMutant(mutation, (file, overlay, root) =>
        {
            (_, string protocError, _) = Protoc.Run(["-I" + overlay, "-I" + root, file], root);
            string[] expected = UnusedImportsUnordered(protocError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            CompilationResult result = ProtoCompiler.Compile([file], [overlay, root], TestContext.Current.CancellationToken);
            // Both sides trimmed: protoc's lines are split from its output, and a suggestion with no free number left ends in a space.
            string[] actual = UnusedImportsUnordered([.. result.Diagnostics.Select(d => d.Format().Trim())]);
            if (!expected.SequenceEqual(actual))
            {
                disagreements.Add($"{file}:\n  protoc:  {string.Join("\n           ", expected)}\n  inkwell: {string.Join("\n           ", actual)}");
            }
        });

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreement(s):\n" + string.Join("\n", disagreements.Take(int.TryParse(Environment.GetEnvironmentVariable("INKWELL_MUTATION_SHOW"), out int show) ? show : 15)));
    }

    /// <summary>
    /// Every mutation under many seeds (<c>INKWELL_MUTATION_SEEDS</c>, default 1..5), not one mutant per file and
    /// mutation as in CI: slow (a protoc run per mutant), so run by hand —
    /// <c>dotnet test test/Inkwell.Protobuf.Tests -c Release --filter Mutations_ManySeeds</c> with
    /// <c>-- xUnit.Explicit=on</c>. Prints identical/total and writes every disagreement to
    /// <c>INKWELL_MUTATION_REPORT</c> (default: a file in the temp folder, named in the output).
    /// </summary>
    [Fact(Explicit = true)]
    public void Mutations_ManySeeds_EveryDiagnosticMatchesProtoc()
    {
        string[] seeds = (Environment.GetEnvironmentVariable("INKWELL_MUTATION_SEEDS") ?? "1,2,3,4,5").Split(',', StringSplitOptions.RemoveEmptyEntries);
        string report = Environment.GetEnvironmentVariable("INKWELL_MUTATION_REPORT") ?? Path.Combine(Path.GetTempPath(), "inkwell-mutations.txt");
        int total = 0;
        var disagreements = new List<string>();
        foreach (string seed in seeds)
        {
            foreach ((string mutation, _) in Mutations.All)
            {
                ForEachMutant(mutation, int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture), (file, overlay, root) =>
                {
                    total++;
                    (_, string protocError, _) = Protoc.Run(["-I" + overlay, "-I" + root, file], root);
                    string[] expected = UnusedImportsUnordered(protocError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    CompilationResult result = ProtoCompiler.Compile([file], [overlay, root], TestContext.Current.CancellationToken);
                    string[] actual = UnusedImportsUnordered([.. result.Diagnostics.Select(d => d.Format().Trim())]);
                    if (!expected.SequenceEqual(actual))
                    {
                        disagreements.Add($"[{mutation} seed {seed}] {file}:\n  protoc:  {string.Join("\n           ", expected)}\n  inkwell: {string.Join("\n           ", actual)}");
                    }
                });
            }
        }

        File.WriteAllLines(report, [$"{total - disagreements.Count} / {total} identical", .. disagreements]);
        TestContext.Current.SendDiagnosticMessage($"{total - disagreements.Count} / {total} mutants: every diagnostic identical; disagreements in {report}");
        Assert.True(disagreements.Count == 0, $"{total - disagreements.Count} / {total} identical; {disagreements.Count} disagreement(s), listed in {report}:\n" + string.Join("\n", disagreements.Take(10)));
    }

    // The one known difference (docs/protobuf.md, "Known gaps"): protoc lists a file's unused imports in the order of a
    // hash set of descriptor pointers, which no other program can reproduce, so a run of them is compared as a set.
    private static string[] UnusedImportsUnordered(string[] lines)
    {
        static bool IsUnusedImport(string line) => line.Contains(": warning: Import ", StringComparison.Ordinal) && line.EndsWith(" is unused.", StringComparison.Ordinal);
        string[] result = [.. lines];
        for (int start = 0; start < result.Length; start++)
        {
            int end = start;
            while (end < result.Length && IsUnusedImport(result[end]))
            {
                end++;
            }

            if (end - start > 1)
            {
                Array.Sort(result, start, end - start, StringComparer.Ordinal);
            }

            start = end;
        }

        return result;
    }
}
