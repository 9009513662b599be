using System.Collections;
using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;
using static Inkwell.Protobuf.CSharp.Tests.Infrastructure.HierarchyBuild;

namespace Inkwell.Protobuf.CSharp.Tests.Hierarchies;

/// <summary>
/// JSON parsing of fields of a hierarchy's types (singular, oneof, repeated, map; declared with the root's class or
/// a subtype's): JsonParser builds each of their messages as the root's class, and the generated reflection members
/// store the most-derived object it holds. Equality follows the class, so an object left unresolved (an Animal
/// holding a Kitten aside) is not equal to the Kitten it was formatted from.
/// </summary>
public sealed class HierarchyJsonFieldTests
{
    private static HierarchyBuild Oneof => HierarchyBuild.For(HierarchySchemas.FieldKindsFile, HierarchySchemas.FieldKinds);

    private static HierarchyBuild Extensions => HierarchyBuild.For(HierarchySchemas.ExtensionsFieldKindsFile, HierarchySchemas.ExtensionsFieldKinds);

    private static HierarchyBuild Any => HierarchyBuild.For(HierarchySchemas.AnyFieldKindsFile, HierarchySchemas.AnyFieldKinds);

    /// <summary>The formatters (Inkwell's classes, protoc's lowered ones) and the parser a test uses.</summary>
    private sealed record Json(JsonFormatter Formatter, JsonFormatter LoweredFormatter, JsonParser Parser)
    {
        public static readonly Json Default = new(JsonFormatter.Default, JsonFormatter.Default, JsonParser.Default);

        /// <summary>ANY: JSON names each subtype's level by its type URL, resolved through a TypeRegistry.</summary>
        public static Json WithSubtypes(HierarchyBuild zoo, string ns)
        {
            TypeRegistry Registry(Func<string, Type> types) => TypeRegistry.FromMessages(new[] { "Cat", "Kitten", "Dog" }
                .Select(name => (MessageDescriptor)types(ns + "." + name).GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)!.GetValue(null)!));
            return new(new JsonFormatter(JsonFormatter.Settings.Default.WithTypeRegistry(Registry(zoo.InkwellType))),
                new JsonFormatter(JsonFormatter.Settings.Default.WithTypeRegistry(Registry(zoo.LoweredType))),
                new JsonParser(JsonParser.Settings.Default.WithTypeRegistry(Registry(zoo.InkwellType))));
        }
    }

    [Fact]
    public void EveryFieldKind_RoundTrips_AsTheMostDerivedClasses() => AssertEveryFieldKindRoundTrips(Oneof, Json.Default);

    [Fact]
    public void Any_EveryFieldKind_RoundTrips_GivenTheSubtypesInATypeRegistry()
    {
        HierarchyBuild zoo = Any;
        Assert.Equal(zoo.InkwellType("Hja.Animal"), zoo.InkwellType("Hja.Cat").BaseType);
        AssertEveryFieldKindRoundTrips(zoo, Json.WithSubtypes(zoo, "Hja"));
    }

    private static void AssertEveryFieldKindRoundTrips(HierarchyBuild zoo, Json json)
    {
        IMessage keeper = FilledKeeper(zoo, ("Star", Kitten(zoo, "star")), ("HouseCat", Kitten(zoo, "house")), ("ChosenCat", Kitten(zoo, "chosen")));

        IMessage parsed = AssertRoundTrips(zoo, Namespace(zoo) + ".Keeper", keeper, json);

        Assert.Equal("Kitten", Get(parsed, "HouseCat")!.GetType().Name);
        Assert.Equal("Kitten", Get(parsed, "ChosenCat")!.GetType().Name);
        Assert.Equal(["Kitten", "Dog", "Animal", "Cat"], Classes(Get(parsed, "Animals")));
        Assert.Equal(["Kitten", "Cat"], Classes(Get(parsed, "Cats")));
        Assert.Equal(["Dog", "Kitten"], Classes(((IDictionary)Get(parsed, "AnimalsByName")!).Values));
        Assert.Equal(["Kitten", "Cat"], Classes(((IDictionary)Get(parsed, "CatsByName")!).Values));
        // Fields on the Kitten's Cat level, inside a Cat field, resolve too.
        object houseCat = Get(parsed, "HouseCat")!;
        Assert.Equal("Kitten", Get(houseCat, "Favourite")!.GetType().Name);
        Assert.Equal(["Kitten", "Cat"], Classes(Get(houseCat, "Friends")));
        Assert.Equal(["Dog"], Classes(((IDictionary)Get(houseCat, "Rivals")!).Values));
        // And the root's own.
        Assert.Equal(["Dog", "Kitten"], Classes(Get(houseCat, "Pack")));
    }

    [Fact]
    public void OneofOfTheRootsClass_RoundTrips()
    {
        HierarchyBuild zoo = Oneof;
        IMessage keeper = zoo.New("Hj.Keeper", ("Chosen", Kitten(zoo, "chosen")));
        IMessage parsed = AssertRoundTrips(zoo, "Hj.Keeper", keeper, Json.Default);
        Assert.Equal("Kitten", Get(parsed, "Chosen")!.GetType().Name);
    }

    [Fact]
    public void HierarchyParserParseJson_ResolvesTheFieldsOfEveryLevel()
    {
        HierarchyBuild zoo = Oneof;
        IMessage kitten = Kitten(zoo, "root");
        string json = JsonFormatter.Default.Format(kitten);

        object parser = zoo.InkwellType("Hj.Animal").GetProperty("Parser")!.GetValue(null)!;
        var parsed = (IMessage)parser.GetType().GetMethod("ParseJson")!.Invoke(parser, [json])!;

        Assert.Equal(kitten, parsed);
        Assert.Equal("Kitten", Get(parsed, "Favourite")!.GetType().Name);
        Assert.Equal(["Kitten", "Cat"], Classes(Get(parsed, "Friends")));
    }

    [Theory]
    [InlineData("{\"houseCat\": {\"dog\": {}}}", "hj.Keeper.house_cat")]
    [InlineData("{\"chosenCat\": {\"weight\": 1}}", "hj.Keeper.chosen_cat")]
    [InlineData("{\"cats\": [{\"cat\": {}}, {\"dog\": {}}]}", "hj.Keeper.cats")]
    [InlineData("{\"catsByName\": {\"rex\": {\"dog\": {}}}}", "hj.Keeper.cats_by_name")]
    [InlineData("{\"star\": {\"cat\": {\"favourite\": {\"cat\": {}}}}}", "hj.Cat.favourite")]
    public void AnotherClassThanTheFieldsDeclaredOne_IsADataError(string json, string field)
    {
        MessageDescriptor descriptor = Descriptor(Oneof, "Hj.Keeper");
        // An IOException, as JsonParser's own errors are, not an InvalidCastException.
        IOException error = Assert.Throws<IOException>(() => JsonParser.Default.Parse(json, descriptor));
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extensions_EveryFieldKind_RoundTrips()
    {
        // JSON leaves extensions out, so it holds the type field but not a subtype's own level (as for the lowered
        // schema): objects with their root's fields only round-trip whole.
        HierarchyBuild zoo = Extensions;
        IMessage star = Cat(zoo, 1f);
        Add(Get(star, "Pack"), Cat(zoo, 11f), zoo.New("Hjx.Animal", ("Weight", 12f)));
        IMessage keeper = FilledKeeper(zoo, ("Star", star), ("HouseCat", Cat(zoo, 2f)), ("ChosenCat", Cat(zoo, 3f)));

        IMessage parsed = AssertRoundTrips(zoo, "Hjx.Keeper", keeper, Json.Default);
        Assert.Equal(["Cat", "Animal"], Classes(Get(Get(parsed, "Star")!, "Pack")));

        Assert.Equal("Cat", Get(parsed, "HouseCat")!.GetType().Name);
        Assert.Equal(["Cat", "Dog", "Animal", "Cat"], Classes(Get(parsed, "Animals")));
        Assert.Equal(["Dog", "Cat"], Classes(((IDictionary)Get(parsed, "AnimalsByName")!).Values));
    }

    [Fact]
    public void Extensions_AKittenReadsBackAsTheCatItsTypeFieldNames()
    {
        HierarchyBuild zoo = Extensions;
        IMessage keeper = zoo.New("Hjx.Keeper", ("HouseCat", zoo.New("Hjx.Kitten", ("Weight", 4f), ("FavouriteToy", "cork"))));
        string json = JsonFormatter.Default.Format(keeper);

        IMessage parsed = JsonParser.Default.Parse(json, Descriptor(zoo, "Hjx.Keeper"));

        Assert.Equal(zoo.New("Hjx.Keeper", ("HouseCat", Cat(zoo, 4f))), parsed);
    }

    [Fact]
    public void GeneratedCode_CompilesAsCSharp7_3()
    {
        // The build compiles it with the latest language version; the reflection members must not need it.
        foreach (HierarchyBuild zoo in new[] { Oneof, Extensions, Any })
        {
            (byte[]? image, IReadOnlyList<Microsoft.CodeAnalysis.Diagnostic> errors) =
                CSharpCompiler.Compile("HierarchyJsonFields", zoo.InkwellSources, Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3, emit: false);
            Assert.True(image is not null, string.Join("\n", errors.Take(10)));
        }
    }

    /// <summary>
    /// Formats <paramref name="message"/> (checking the JSON is that of protoc's C# for the lowered schema) and parses it
    /// back with JsonParser's generic and descriptor routes; both give an equal message, which it returns.
    /// </summary>
    private static IMessage AssertRoundTrips(HierarchyBuild zoo, string type, IMessage message, Json with)
    {
        string json = with.Formatter.Format(message);
        Assert.Equal(with.LoweredFormatter.Format(ParseLowered(zoo.LoweredType(type), message.ToByteArray())), json);

        MethodInfo parse = typeof(JsonParser).GetMethod(nameof(JsonParser.Parse), [typeof(string)])!.MakeGenericMethod(zoo.InkwellType(type));
        var generic = (IMessage)Unwrap(() => parse.Invoke(with.Parser, [json]))!;
        IMessage byDescriptor = with.Parser.Parse(json, Descriptor(zoo, type));

        Assert.Equal(message, generic);
        Assert.Equal(message, byDescriptor);
        Assert.Equal(message.ToByteArray(), byDescriptor.ToByteArray());
        return byDescriptor;
    }

    /// <summary>A keeper with the singular fields given and mixed classes in every repeated and map field.</summary>
    private static IMessage FilledKeeper(HierarchyBuild zoo, params (string Property, object? Value)[] singular)
    {
        string ns = Namespace(zoo);
        IMessage Subtype() => zoo == Extensions ? Cat(zoo, 5f) : Kitten(zoo, "listed");
        IMessage keeper = zoo.New(ns + ".Keeper", singular);
        Add(Get(keeper, "Animals"), Subtype(), zoo.New(ns + ".Dog", ("Weight", 2f)), zoo.New(ns + ".Animal", ("Weight", 9f)), Cat(zoo, 6f));
        Add(Get(keeper, "Cats"), Subtype(), Cat(zoo, 7f));
        var animalsByName = (IDictionary)Get(keeper, "AnimalsByName")!;
        animalsByName["dog"] = zoo.New(ns + ".Dog", ("Weight", 8f));
        animalsByName["cat"] = Subtype();
        var catsByName = (IDictionary)Get(keeper, "CatsByName")!;
        catsByName["subtype"] = Subtype();
        catsByName["cat"] = Cat(zoo, 10f);
        return keeper;
    }

    /// <summary>A Kitten (ONEOF, ANY) whose Cat level has each kind of field, holding subtypes.</summary>
    private static IMessage Kitten(HierarchyBuild zoo, string toy)
    {
        string ns = Namespace(zoo);
        IMessage kitten = zoo.New(ns + ".Kitten", ("Weight", 1.5f), ("Declawed", true), ("FavouriteToy", toy),
            ("Favourite", zoo.New(ns + ".Kitten", ("FavouriteToy", "mouse"))));
        Add(Get(kitten, "Friends"), zoo.New(ns + ".Kitten", ("FavouriteToy", "cork")), zoo.New(ns + ".Cat", ("Declawed", true)));
        ((IDictionary)Get(kitten, "Rivals")!)["rex"] = zoo.New(ns + ".Dog", ("BonesBuried", 3u));
        Add(Get(kitten, "Pack"), zoo.New(ns + ".Dog", ("BonesBuried", 4u)), zoo.New(ns + ".Kitten", ("FavouriteToy", "ball")));
        return kitten;
    }

    private static IMessage Cat(HierarchyBuild zoo, float weight) => zoo.New(Namespace(zoo) + ".Cat", ("Weight", weight));

    private static string Namespace(HierarchyBuild zoo) => zoo == Oneof ? "Hj" : zoo == Extensions ? "Hjx" : "Hja";

    private static MessageDescriptor Descriptor(HierarchyBuild zoo, string type) =>
        (MessageDescriptor)zoo.InkwellType(type).GetProperty("Descriptor")!.GetValue(null)!;

    private static void Add(object? list, params IMessage[] items)
    {
        foreach (IMessage item in items)
        {
            ((IList)list!).Add(item);
        }
    }

    private static string[] Classes(object? items) => [.. ((IEnumerable)items!).Cast<object>().Select(i => i.GetType().Name)];

    private static object? Unwrap(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }
}
