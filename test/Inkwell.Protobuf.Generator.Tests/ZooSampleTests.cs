using Google.Protobuf;
using Inkwell.Examples.Zoo;
using Inkwell.Samples.Zoo;

namespace Inkwell.Protobuf.Generator.Tests;

/// <summary>
/// samples/Zoo is built by MSBuild with the generator as an analyzer and its props/targets (the Protobuf item
/// path a user takes); these tests run its logic against the types that build generated.
/// </summary>
public sealed class ZooSampleTests
{
    [Fact]
    public void Tour_RoundTripsEveryAnimal_AndTellsThemApart()
    {
        var output = new StringWriter();
        ZooTour.Run(output);

        Assert.Equal(
            [
                "a cat of 4.5 kg, declawed (10 bytes, equal after the round trip: True)",
                "a dog of 30 kg that buried 7 bones (10 bytes, equal after the round trip: True)",
                "a kitten of 0.8 kg that plays with yarn (16 bytes, equal after the round trip: True)",
                "an animal of 0.2 kg (5 bytes, equal after the round trip: True)",
                "{ \"weight\": 4.5, \"cat\": { \"declawed\": true } }",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void GeneratedClasses_DeriveAndAreGoogleProtobufMessages()
    {
        Animal dog = Animal.Parser.ParseFrom(new Dog { BonesBuried = 3 }.ToByteArray());

        Dog parsed = Assert.IsType<Dog>(dog);
        Assert.Equal(3u, parsed.BonesBuried);
        Assert.IsAssignableFrom<IMessage<Animal>>(dog);
        Assert.IsAssignableFrom<IMessage<Dog>>(dog);
        Assert.Equal("zoo.Animal", ((IMessage)dog).Descriptor.FullName);
        Assert.Equal("zoo.Dog", Dog.Descriptor.FullName);
        Assert.Equal(dog, Animal.Parser.ParseJson(JsonFormatter.Default.Format(dog)));
        Kitten kitten = Cat.Parser.ParseFrom(new Kitten { FavouriteToy = "box" }.ToByteArray()) as Kitten ?? throw new InvalidOperationException("not a kitten");
        Assert.Equal("box", kitten.FavouriteToy);
    }
}
