using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests;

/// <summary>
/// A short, seeded fuzz run over corpus files: random cuts, insertions and deletions never throw, and each result is
/// either an error in the damaged file or descriptors that read back to the same bytes (<see cref="FuzzInvariant"/>).
/// </summary>
public sealed class FuzzTests
{
    private const string Alphabet = "{}[]()<>;=,.\"'-/*\\\n\t 0123456789xXeE_azAZ\u00e9\u0001";

    [Fact]
    public void Compile_FuzzedCorpusFiles_AreRejectedInTheFileOrRoundTrip()
    {
        string root = Corpus.RequireProtobuf();
        string[] files = Corpus.ProtobufFiles().Select(r => r.Data).Where(f => new FileInfo(Path.Combine(root, f)).Length < 30_000).ToArray();
        // Longer runs outside CI: INKWELL_FUZZ_ITERATIONS=100000 INKWELL_FUZZ_SEED=n dotnet test ...
        int iterations = int.TryParse(Environment.GetEnvironmentVariable("INKWELL_FUZZ_ITERATIONS"), out int n) ? n : 600;
        int seed = int.TryParse(Environment.GetEnvironmentVariable("INKWELL_FUZZ_SEED"), out int s) ? s : 20261125;
        var random = new Random(seed);
        for (int i = 0; i < iterations; i++)
        {
            string file = files[random.Next(files.Length)];
            string text = File.ReadAllText(Path.Combine(root, file));
            for (int edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
            {
                int at = random.Next(text.Length);
                text = random.Next(3) switch
                {
                    0 => text.Remove(at, Math.Min(text.Length - at, random.Next(1, 40))),
                    1 => text.Insert(at, Alphabet[random.Next(Alphabet.Length)].ToString()),
                    _ => text.Substring(0, at),
                };
            }

            var resolver = new OverlayResolver(file, text, new FileSystemResolver([root]));
            CompilationResult result = ProtoCompiler.Compile([file], resolver, TestContext.Current.CancellationToken);
            FuzzInvariant.Holds(result, file, text);
        }
    }

    private sealed class OverlayResolver(string name, string text, IProtoFileResolver inner) : IProtoFileResolver
    {
        public bool TryRead(string file, out string content, out string displayPath)
        {
            if (file == name)
            {
                content = text;
                displayPath = file;
                return true;
            }

            return inner.TryRead(file, out content, out displayPath);
        }
    }
}
