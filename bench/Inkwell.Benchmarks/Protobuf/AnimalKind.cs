namespace Inkwell.Benchmarks.Protobuf;

/// <summary>The most-derived type of an animal in examples/zoo.proto's hierarchy.</summary>
internal enum AnimalKind
{
    Animal,
    Cat,
    Dog,
    Kitten,
}
