using Inkwell.Protobuf.CSharp.Tests.Infrastructure;

namespace Inkwell.Protobuf.CSharp.Tests;

/// <summary>
/// Random messages built through reflection behave identically in protoc's and Inkwell's generated
/// code: the same bytes, parsing both ways to equal messages, the same JSON both ways.
/// </summary>
public sealed class DifferentialTests
{
    private const int SeedsPerMessage = 12;

    [Fact]
    public void RandomMessages_OwnSchemas_BehaveAsProtocs()
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, Schemas.OwnFiles);
        CheckAll(new Differential(pair, Schemas.OwnFiles));
    }

    [Theory]
    [MemberData(nameof(Schemas.CorpusDifferentialData), MemberType = typeof(Schemas))]
    public void RandomMessages_CorpusFile_BehaveAsProtocs(string file)
    {
        string root = Corpus.RequireProtobuf();
        List<string> closure = Schemas.GenerationClosure(Protoc.DescriptorSet(root, [file]));
        GeneratedPair pair = GeneratedPair.For(root, closure);
        CheckAll(new Differential(pair, closure));
    }

    private static void CheckAll(Differential differential)
    {
        int checkedMessages = 0;
        foreach (string message in differential.MessageNames)
        {
            for (int seed = 0; seed < SeedsPerMessage; seed++)
            {
                differential.Check(message, seed);
            }
            checkedMessages++;
        }
        Assert.True(checkedMessages > 0);
    }
}
