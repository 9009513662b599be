using Inkwell.Samples.Shelter;

namespace Inkwell.Protobuf.Grpc.Tests;

/// <summary>
/// samples/Shelter is built by MSBuild with only the Inkwell generator (its props/targets and the generator as an
/// analyzer: no Grpc.Tools); this runs its tour: a real server and client exchanging Cats and Dogs.
/// </summary>
public sealed class ShelterSampleTests
{
    [Fact]
    public async Task Tour_SwapsCatsForDogs_AndListsMixedResidents()
    {
        var output = new StringWriter();

        await ShelterTour.RunAsync(output, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                "gave the cat Felix (declawed), took home the dog Rex, who buried 3 bones",
                "gave the dog Fido, who buried 0 bones, took home the cat Tom",
                "lives here: the cat Tom",
                "lives here: the dog Rex, who buried 12 bones",
                "lives here: the cat Tabby (declawed)",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }
}
