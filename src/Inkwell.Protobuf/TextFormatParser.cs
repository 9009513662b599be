using Google.Protobuf.Reflection;
using Inkwell.Protobuf.Descriptors;
using Inkwell.Protobuf.TextFormat;

namespace Inkwell.Protobuf;

/// <summary>
/// Reads protobuf's text format into binary messages exactly as protoc 35.1's <c>--encode</c> does: protoc's grammar
/// (fields by name, groups by their type's name, extensions as <c>[full.name]</c>, <c>google.protobuf.Any</c> as
/// <c>[prefix/full.Type] { … }</c>, messages in <c>{}</c> or <c>&lt;&gt;</c>, repeated values as <c>[a, b]</c>,
/// <c>#</c> comments, <c>,</c> or <c>;</c> between fields), its number, string and enum rules, its error messages at its
/// positions, and the bytes its DynamicMessage writes (fields in number order, packed where the field packs, map
/// entries whole and in the order written, or sorted by key when deterministic). Required fields may be missing, as
/// with protoc (<see cref="TextFormatParseResult.MissingRequiredFields"/> names them).
/// </summary>
public sealed class TextFormatParser
{
    private readonly TextFormatTypes _types;

    /// <summary>A parser for the message types of <paramref name="files"/> (each file's imports among them).</summary>
    public TextFormatParser(IEnumerable<FileDescriptorProto> files)
    {
        _types = TextFormatTypes.Of(files, nameof(files));
    }

    /// <summary>Whether <paramref name="fullName"/> (e.g. <c>pkg.Outer.Inner</c>) is a message type of the files.</summary>
    public bool HasMessageType(string fullName) => _types.HasMessage(fullName);

    /// <summary>
    /// Reads <paramref name="text"/> as a <paramref name="messageType"/>. With <paramref name="deterministic"/>, map
    /// entries are written sorted by key (protoc's <c>--deterministic_output</c>); otherwise in the order written.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="messageType"/> is not a message type of the files.</exception>
    public TextFormatParseResult Parse(string messageType, string text, bool deterministic)
    {
        TextMessageType type = _types.GetMessage(messageType, nameof(messageType));
        var parser = new TextParser(_types, text ?? throw new ArgumentNullException(nameof(text)));
        TextMessageBuilder? parsed = parser.Parse(type);
        if (parsed is null)
        {
            return new TextFormatParseResult(null, parser.Diagnostics, []);
        }

        var output = new ProtoWriter();
        parsed.WriteTo(output, deterministic);
        // As protoc, of the message as read: a map entry without its value has no value to lack fields.
        return new TextFormatParseResult(output.ToArray(), parser.Diagnostics, RequiredFields.FindMissing(parsed));
    }
}
