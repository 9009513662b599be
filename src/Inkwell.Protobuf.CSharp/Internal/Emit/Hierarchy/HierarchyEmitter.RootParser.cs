namespace Inkwell.Protobuf.CSharp.Internal.Emit.Hierarchy;

/// <summary>
/// The hierarchy parser nested in a root class (<c>Animal.HierarchyParser&lt;T&gt;</c>): Google.Protobuf's
/// parser reads, then it resolves the most-derived object the message holds.
/// </summary>
internal sealed partial class HierarchyEmitter
{
    private void WriteRootParserClass()
    {
        W.Line($"/// <summary>Parses {_message.Name}'s root envelope into the most-derived class it holds.</summary>");
        W.Line($"/// <typeparam name=\"T\">The class the caller expects: {_message.Name} or one of its subtypes.</typeparam>");
        W.Open($"public sealed class HierarchyParser<T> where T : {ClassName}, pb::IMessage<T>, new()");
        W.Line("private readonly pb::MessageParser<T> _unresolved;");
        W.Line("// What reads: the root's parser when the root's code lists T, since the bytes may then hold any class of the");
        W.Line("// hierarchy and one that is not a T is reported; T's own when T was compiled apart from the root (another");
        W.Line("// assembly), whose levels only T's code can read.");
        W.Line("private readonly pb::MessageParser _reader;");
        W.Line();
        W.Line("/// <summary>For generated code: each class's parser (public, since a subtype may be compiled into another assembly).</summary>");
        W.Line("/// <param name=\"unresolved\">The class's Google.Protobuf parser, which creates a T before it reads.</param>");
        W.Line(Hidden);
        W.Open("public HierarchyParser(pb::MessageParser<T> unresolved)");
        W.Line("_unresolved = unresolved;");
        W.Line("_reader = Inkwell_ListsClass(typeof(T)) ? (pb::MessageParser) _unresolvedParser : unresolved;");
        W.Close();
        W.Line();
        W.Line("/// <summary>");
        W.Line("/// A Google.Protobuf parser for this class (for reflection, codecs and APIs that need a MessageParser):");
        W.Line("/// it creates a T before it reads, so a subtype stays inside it until <see cref=\"Resolve\"/>.");
        W.Line("/// </summary>");
        W.Line("public pb::MessageParser<T> Unresolved { get { return _unresolved; } }");
        W.Line();
        WriteParseMethod("byte[] data", "data");
        WriteParseMethod("byte[] data, int offset, int length", "data, offset, length");
        WriteParseMethod("pb::ByteString data", "data");
        WriteParseMethod("global::System.IO.Stream input", "input");
        WriteParseMethod("pb::CodedInputStream input", "input");
        W.WriteUsualBuildOnly(() =>
        {
            WriteParseMethod("global::System.Buffers.ReadOnlySequence<byte> data", "data");
            WriteParseMethod("global::System.ReadOnlySpan<byte> data", "data");
        });
        W.Line("/// <summary>Parses a length-delimited message.</summary>");
        W.Open("public T ParseDelimitedFrom(global::System.IO.Stream input)");
        W.Line($"return ResolveParsed(({ClassName}) _reader.ParseDelimitedFrom(input));");
        W.Close();
        WriteResolveParsed();
        W.Line("/// <summary>Parses JSON in the lowered schema's form.</summary>");
        W.Open("public T ParseJson(string json)");
        W.Line(AnySubtypes.Count > 0
            ? $"return Resolve({JsonParserProperty}.Parse<T>(json));"
            : "return Resolve(_unresolvedParser.ParseJson(json));");
        W.Close();
        W.Line();
        W.Line("/// <summary>");
        W.Line("/// The most-derived message that a message read by another route (reflection, a MessageParser,");
        W.Line("/// Any.Unpack) holds: the subtype, with every level above it moved in, or the message itself.");
        W.Line("/// </summary>");
        W.Line("/// <exception cref=\"global::System.InvalidCastException\">The message holds a subtype that is not a T.</exception>");
        W.Open($"public T Resolve({ClassName} message)");
        W.Open("if (message == null)");
        W.Line("throw new global::System.ArgumentNullException(\"message\");");
        W.Close();
        W.Line("return As(message.Inkwell_ResolveSubtypes());");
        W.Close();
        W.Line();
        W.Open($"private static T As({ClassName} resolved)");
        W.Line("T result = resolved as T;");
        W.Open("if (result == null)");
        W.Line("throw new global::System.InvalidCastException(\"The message is a \" + resolved.GetType().FullName + \", not a \" + typeof(T).FullName + \".\");");
        W.Close();
        W.Line("return result;");
        W.Close();
        W.Close();
        W.Line();
        WriteListedClasses();
    }

    private void WriteParseMethod(string parameters, string arguments)
    {
        W.Line("/// <summary>Parses a message, returning the most-derived class it holds.</summary>");
        W.Open($"public T ParseFrom({parameters})");
        W.Line($"return ResolveParsed(({ClassName}) _reader.ParseFrom({arguments}));");
        W.Close();
    }

    /// <summary>Resolve for a message this parser just read, whose held subtypes take its levels by exchange.</summary>
    private void WriteResolveParsed()
    {
        W.Open($"private static T ResolveParsed({ClassName} message)");
        if (!Level.HasSubtypes)
        {
            W.Line("return As(message);");
            W.Close();
            W.Line();
            return;
        }
        W.Line($"{ClassName} resolved = message.Inkwell_ResolveParsed();");
        W.Open("if (!ReferenceEquals(resolved, message))");
        W.Line("message.Inkwell_Recycle();");
        W.Close();
        W.Line("return As(resolved);");
        W.Close();
        W.Line();
    }
}
