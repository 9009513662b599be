using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Tests.Infrastructure;

/// <summary>
/// Runs the same random messages through protoc's and Inkwell's generated types and asserts they
/// behave the same: bytes, sizes, parsing both ways, equality, hashing, cloning, merging, JSON and
/// the diagnostic string.
/// </summary>
internal sealed class Differential
{
    private readonly Side _protoc;
    private readonly Side _inkwell;

    public Differential(GeneratedPair pair, IEnumerable<string> files)
    {
        _protoc = new Side(pair.ProtocAssembly.Value, files);
        _inkwell = new Side(pair.InkwellAssembly.Value, files);
        Assert.Equal(_protoc.Messages.Keys.Order(StringComparer.Ordinal), _inkwell.Messages.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(_protoc.Extensions.Select(e => e.FullName), _inkwell.Extensions.Select(e => e.FullName));
    }

    public IEnumerable<string> MessageNames => _protoc.Messages.Keys.Order(StringComparer.Ordinal);

    /// <summary>Builds the message with the seed on both sides and compares everything observable.</summary>
    public void Check(string messageName, int seed)
    {
        MessageDescriptor protocDescriptor = _protoc.Messages[messageName];
        MessageDescriptor inkwellDescriptor = _inkwell.Messages[messageName];
        IMessage expected = new RandomMessageBuilder(seed, _protoc.Extensions).Build(protocDescriptor);
        IMessage actual = new RandomMessageBuilder(seed, _inkwell.Extensions).Build(inkwellDescriptor);
        string context = $"{messageName} seed {seed}: {expected}";

        byte[] expectedBytes = expected.ToByteArray();
        byte[] actualBytes = actual.ToByteArray();
        Assert.True(expectedBytes.AsSpan().SequenceEqual(actualBytes), "bytes differ for " + context);
        Assert.Equal(expected.CalculateSize(), actual.CalculateSize());

        IMessage parsedByInkwell = _inkwell.Parser(inkwellDescriptor).ParseFrom(expectedBytes);
        Assert.True(parsedByInkwell.ToByteArray().AsSpan().SequenceEqual(expectedBytes), "re-serialized bytes differ for " + context);
        IMessage parsedByProtoc = _protoc.Parser(protocDescriptor).ParseFrom(actualBytes);
        Assert.True(parsedByProtoc.ToByteArray().AsSpan().SequenceEqual(actualBytes), "protoc's re-serialized bytes differ for " + context);
        // Equality after a round trip is the runtime's (e.g. MapField's) business; Inkwell's must agree with protoc's.
        Assert.True(expected.Equals(parsedByProtoc) == actual.Equals(parsedByInkwell), "equality after parsing differs for " + context);
        Assert.True(parsedByInkwell.Equals(_inkwell.Parser(inkwellDescriptor).ParseFrom(expectedBytes)), "two parses differ for " + context);

        if (_protoc.Extensions.Count == 0)
        {
            Assert.Equal(expected.GetHashCode(), actual.GetHashCode());
        }
        else
        {
            // Extension values hash their codec objects, which differ between two assemblies.
            Assert.Equal(expected.GetHashCode() == parsedByProtoc.GetHashCode(), actual.GetHashCode() == parsedByInkwell.GetHashCode());
        }
        Assert.Equal(expected.ToString(), actual.ToString());
        object clone = actual.GetType().GetMethod("Clone", Type.EmptyTypes)!.Invoke(actual, null)!;
        Assert.True(actual.Equals(clone), "clone differs for " + context);
        Assert.NotSame(actual, clone);

        // MergeFrom(T): merge a second random message into the first on both sides.
        IMessage expectedOther = new RandomMessageBuilder(seed + 7919, _protoc.Extensions).Build(protocDescriptor);
        IMessage actualOther = new RandomMessageBuilder(seed + 7919, _inkwell.Extensions).Build(inkwellDescriptor);
        MergeFrom(expected, expectedOther);
        MergeFrom(actual, actualOther);
        Assert.True(expected.ToByteArray().AsSpan().SequenceEqual(actual.ToByteArray()), "merged bytes differ for " + context);

        string expectedJson = Outcome(() => JsonFormatter.Default.Format(expected));
        string actualJson = Outcome(() => JsonFormatter.Default.Format(actual));
        Assert.Equal(expectedJson, actualJson);
        if (!expectedJson.StartsWith("!", StringComparison.Ordinal))
        {
            string expectedFromJson = Outcome(() => Convert.ToBase64String(JsonParser.Default.Parse(expectedJson, protocDescriptor).ToByteArray()));
            string actualFromJson = Outcome(() => Convert.ToBase64String(JsonParser.Default.Parse(actualJson, inkwellDescriptor).ToByteArray()));
            Assert.Equal(expectedFromJson, actualFromJson);
        }
    }

    /// <summary>
    /// Parses the same bytes on both sides: both must fail alike, or both succeed with the same
    /// re-serialized bytes. Returns the outcome (the bytes in base64, or <c>!</c> and the failure).
    /// </summary>
    public string CheckParse(string messageName, byte[] bytes)
    {
        string expected = ParseOutcome(_protoc, messageName, bytes);
        string actual = ParseOutcome(_inkwell, messageName, bytes);
        Assert.Equal(expected, actual);
        return actual;
    }

    /// <summary>
    /// Google.Protobuf 3.36's wrapper codec (<c>WrapperCodecs.Read</c>, used for Int32Value and friends)
    /// throws this InvalidOperationException instead of InvalidProtocolBufferException when a wrapper's
    /// length runs past the end of the input. It is in the runtime, so protoc's code throws it too.
    /// </summary>
    public const string RuntimeWrapperBug = "SkipLastField cannot be called at the end of a stream";

    public byte[] RandomBytes(string messageName, int seed) =>
        new RandomMessageBuilder(seed, _inkwell.Extensions).Build(_inkwell.Messages[messageName]).ToByteArray();

    public IMessage ParseWithInkwell(string messageName, byte[] bytes) => _inkwell.Parser(_inkwell.Messages[messageName]).ParseFrom(bytes);

    private static string ParseOutcome(Side side, string messageName, byte[] bytes)
    {
        try
        {
            IMessage message = side.Parser(side.Messages[messageName]).ParseFrom(bytes);
            return Convert.ToBase64String(message.ToByteArray());
        }
        catch (InvalidProtocolBufferException)
        {
            return "!InvalidProtocolBufferException";
        }
        catch (InvalidOperationException e) when (e.Message == RuntimeWrapperBug)
        {
            return "!" + RuntimeWrapperBug;
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"{side.Name} parsing {messageName} from {Convert.ToHexString(bytes)} threw {e.GetType().Name}: {e.Message}", e);
        }
    }

    private static void MergeFrom(IMessage target, IMessage source) =>
        target.GetType().GetMethod("MergeFrom", [target.GetType()])!.Invoke(target, [source]);

    private static string Outcome(Func<string> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidProtocolBufferException or InvalidJsonException or ArgumentException)
        {
            return "!" + e.GetType().Name;
        }
    }

    private sealed class Side
    {
        private readonly Dictionary<string, MessageParser> _parsers = [];
        private readonly ExtensionRegistry _registry;

        public Side(Assembly assembly, IEnumerable<string> files)
        {
            var descriptors = files.Select(f => GeneratedPair.FileDescriptorOf(assembly, f)).ToList();
            Messages = descriptors.SelectMany(GeneratedPair.AllMessages).ToDictionary(m => m.FullName);
            Extensions = RandomMessageBuilder.ExtensionsOf(descriptors);
            _registry = RandomMessageBuilder.RegistryFor(Extensions);
            Name = assembly.GetName().Name!;
        }

        public string Name { get; }

        public Dictionary<string, MessageDescriptor> Messages { get; }

        public List<FieldDescriptor> Extensions { get; }

        public MessageParser Parser(MessageDescriptor descriptor)
        {
            if (!_parsers.TryGetValue(descriptor.FullName, out MessageParser? parser))
            {
                parser = RandomMessageBuilder.ParserFor(descriptor, _registry);
                _parsers.Add(descriptor.FullName, parser);
            }
            return parser;
        }
    }
}
