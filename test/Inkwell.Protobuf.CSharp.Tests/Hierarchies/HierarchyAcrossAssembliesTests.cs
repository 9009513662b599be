using System.Reflection;
using Google.Protobuf;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using static Inkwell.Protobuf.CSharp.Tests.Infrastructure.HierarchyBuild;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// An open hierarchy (ANY or EXTENSIONS) whose base is compiled into one assembly, from its file alone, and whose
/// subtypes are compiled into another that references it: a library's base messages, extended by its users. The
/// base's code has never heard of the subtypes; the subtypes' code overrides the base's hooks from outside it.
/// </summary>
public sealed class HierarchyAcrossAssembliesTests
{
    private const string BaseFile = "xl/animal.proto";
    private const string SubtypeFile = "xl/cats.proto";

    public static TheoryData<string> Encodings => new() { "ANY", "EXTENSIONS" };

    private static Dictionary<string, string> Sources(string encoding)
    {
        // EXTENSIONS needs proto2 (extensions of ordinary messages); ANY works in either, so it is tested in proto3.
        string syntax = encoding == "EXTENSIONS" ? "proto2" : "proto3";
        string optional = syntax == "proto2" ? "optional " : "";
        return new()
        {
            [BaseFile] = $$"""
                syntax = "{{syntax}}";
                package xl;

                message Animal {
                  subtypes 100 to 199 [encoding = {{encoding}}];
                  {{optional}}float weight = 1;
                  {{optional}}string name = 2;
                }
                """,
            [SubtypeFile] = $$"""
                syntax = "{{syntax}}";
                package xl;

                import "xl/animal.proto";

                message Cat : Animal = 100 {
                  subtypes 10 to 19 [encoding = {{encoding}}];
                  {{optional}}bool declawed = 1;
                }

                message Kitten : Cat = 10 {
                  {{optional}}string favourite_toy = 1;
                }

                message Litter {
                  repeated Kitten kittens = 1;
                  {{optional}}Cat mother = 2;
                }
                """,
        };
    }

    /// <summary>The base library (its file alone, as its own project sees it) and the subtypes' library that references it, loaded together.</summary>
    private sealed class Libraries
    {
        private readonly InMemoryAssemblies _context;

        public Libraries(string encoding)
        {
            Dictionary<string, string> sources = Sources(encoding);
            var resolver = new InMemoryResolver(sources);
            CompilationResult baseOnly = ProtoCompiler.Compile([BaseFile], resolver);
            CompilationResult both = ProtoCompiler.Compile([BaseFile, SubtypeFile], resolver);
            Assert.True(baseOnly.Success && both.Success, string.Join("\n", baseOnly.Diagnostics.Concat(both.Diagnostics)));

            var baseSources = CSharpGenerator.Generate(baseOnly.AllFiles.Select(f => f.ToFileDescriptorProto()), [BaseFile, ProtoCompiler.InheritanceProto])
                .ToDictionary(f => f.RelativePath, f => f.Content);
            var subtypeSources = CSharpGenerator.Generate(both.AllFiles.Select(f => f.ToFileDescriptorProto()), [SubtypeFile])
                .ToDictionary(f => f.RelativePath, f => f.Content);
            byte[] baseImage = Compiled("AnimalLibrary" + encoding, baseSources, []);
            byte[] subtypeImage = Compiled("CatLibrary" + encoding, subtypeSources, [baseImage]);
            _context = new InMemoryAssemblies("HierarchyAcrossAssemblies" + encoding, baseImage, subtypeImage);
        }

        public Assembly Base => _context.Loaded[0];

        public Assembly Subtypes => _context.Loaded[1];

        public void Unload() => _context.Unload();

        public IMessage New(string fullName, params (string Property, object? Value)[] values) =>
            Set((IMessage)Activator.CreateInstance((Base.GetType(fullName) ?? Subtypes.GetType(fullName, throwOnError: true))!)!, values);

        public IMessage Parse(string fullName, byte[] data)
        {
            Type type = Base.GetType(fullName) ?? Subtypes.GetType(fullName, throwOnError: true)!;
            object parser = type.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)!.GetValue(null)!;
            return (IMessage)parser.GetType().GetMethod("ParseFrom", [typeof(byte[])])!.Invoke(parser, [data])!;
        }

        private static byte[] Compiled(string name, Dictionary<string, string> sources, byte[][] references)
        {
            (byte[]? image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> errors) = CSharpCompiler.Compile(name, sources, referencedImages: references);
            Assert.True(image is not null, $"{name} does not compile:\n" + string.Join("\n", errors.Take(20)));
            return image!;
        }
    }

    /// <summary>The same two files compiled into one assembly: the oracle for the bytes (checked against protoc's lowered code elsewhere).</summary>
    private static HierarchyBuild OneAssembly(string encoding) =>
        HierarchyBuild.For([.. Sources(encoding).Select(s => (s.Key, s.Value))]);

    [Theory]
    [MemberData(nameof(Encodings))]
    public void SubtypesInAnotherAssembly_WriteTheSameBytes(string encoding)
    {
        var libraries = new Libraries(encoding);
        HierarchyBuild oracle = OneAssembly(encoding);

        IMessage kitten = libraries.New("Xl.Kitten", ("Weight", 1.5f), ("Name", "Tom"), ("Declawed", true), ("FavouriteToy", "yarn"));
        IMessage expected = oracle.New("Xl.Kitten", ("Weight", 1.5f), ("Name", "Tom"), ("Declawed", true), ("FavouriteToy", "yarn"));
        Assert.Equal(expected.ToByteArray(), kitten.ToByteArray());

        IMessage litter = libraries.New("Xl.Litter", ("Mother", libraries.New("Xl.Cat", ("Name", "Mum"))));
        ((System.Collections.IList)Get(litter, "Kittens")!).Add(kitten);
        IMessage expectedLitter = oracle.New("Xl.Litter", ("Mother", oracle.New("Xl.Cat", ("Name", "Mum"))));
        ((System.Collections.IList)Get(expectedLitter, "Kittens")!).Add(expected);
        Assert.Equal(expectedLitter.ToByteArray(), litter.ToByteArray());
        libraries.Unload();
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void SubtypesInAnotherAssembly_ParseAsThemselves_AndTheBaseKeepsThemAsUnknownFields(string encoding)
    {
        var libraries = new Libraries(encoding);
        IMessage kitten = libraries.New("Xl.Kitten", ("Weight", 1.5f), ("Name", "Tom"), ("Declawed", true), ("FavouriteToy", "yarn"));
        byte[] bytes = kitten.ToByteArray();

        // The subtypes' own parsers read every level, the base's included, and return the most-derived class.
        IMessage asCat = libraries.Parse("Xl.Cat", bytes);
        Assert.Equal("Kitten", asCat.GetType().Name);
        Assert.Equal(kitten, asCat);
        Assert.Equal(kitten, libraries.Parse("Xl.Kitten", bytes));

        // So do fields of the subtypes' types in the subtypes' library.
        IMessage litter = libraries.New("Xl.Litter", ("Mother", libraries.New("Xl.Cat", ("Name", "Mum"), ("Declawed", true))));
        ((System.Collections.IList)Get(litter, "Kittens")!).Add(kitten);
        IMessage parsedLitter = libraries.Parse("Xl.Litter", litter.ToByteArray());
        Assert.Equal(litter, parsedLitter);
        Assert.Equal("Kitten", ((System.Collections.IList)Get(parsedLitter, "Kittens")!)[0]!.GetType().Name);

        // The base's parser was compiled before the subtypes existed: it reads its own level and keeps the rest
        // as an unknown field, written back byte for byte.
        IMessage asAnimal = libraries.Parse("Xl.Animal", bytes);
        Assert.Equal("Animal", asAnimal.GetType().Name);
        Assert.Equal("Tom", Get(asAnimal, "Name"));
        Assert.Equal(bytes, asAnimal.ToByteArray());
        libraries.Unload();
    }
}
