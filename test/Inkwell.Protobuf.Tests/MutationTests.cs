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
        string root = Corpus.RequireProtobuf();
        Protoc.Require();
        Func<string, string, Random, string?> apply = Mutations.All.Single(m => m.Name == mutation).Apply;
        string overlay = Directory.CreateTempSubdirectory("inkwell-mutation-").FullName;
        var disagreements = new List<string>();
        try
        {
            // A stable seed per mutation (string.GetHashCode differs per process); INKWELL_MUTATION_SEED explores others.
            int seed = mutation.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & 0x7FFFFFFF;
            if (int.TryParse(Environment.GetEnvironmentVariable("INKWELL_MUTATION_SEED"), out int extra))
            {
                seed ^= extra;
            }

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
                (int exitCode, string protocError, _) = Protoc.Run(["-I" + overlay, "-I" + root, file], root);
                CompilationResult result = ProtoCompiler.Compile([file], [overlay, root], TestContext.Current.CancellationToken);
                if ((exitCode == 0) != result.Success)
                {
                    disagreements.Add($"{file}: protoc {(exitCode == 0 ? "accepts" : "rejects")}: {protocError.Trim()} | inkwell: {string.Join(" / ", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(2))}");
                }

                File.Delete(path);
            }
        }
        finally
        {
            Directory.Delete(overlay, recursive: true);
        }

        Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreement(s):\n" + string.Join("\n", disagreements.Take(15)));
    }
}
