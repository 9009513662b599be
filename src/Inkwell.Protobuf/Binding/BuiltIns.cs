using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// The option types protoc has compiled in (descriptor.proto of protoc 35.1, embedded): standard
/// options are looked up here even when a file does not import descriptor.proto, and the fields
/// found here are the "known" ones that protoc serializes in field-number order.
/// </summary>
internal sealed class BuiltIns
{
    private static readonly Lazy<BuiltIns> s_instance = new(Load);
    private readonly Dictionary<string, MessageSyntax> _messages = new(StringComparer.Ordinal);

    private BuiltIns(BoundFile descriptorProto)
    {
        Bound = descriptorProto;
        foreach (MessageSyntax message in DescriptorProto.Messages)
        {
            Add(message);
        }
    }

    public static BuiltIns Instance => s_instance.Value;

    /// <summary>descriptor.proto as parsed.</summary>
    public FileSyntax DescriptorProto => Bound.Syntax;

    /// <summary>descriptor.proto as bound (names and types, no options): what its fields resolved to.</summary>
    public BoundFile Bound { get; }

    private void Add(MessageSyntax message)
    {
        _messages[message.FullName] = message;
        foreach (MessageSyntax nested in message.NestedTypes)
        {
            Add(nested);
        }
    }

    /// <summary>A compiled-in message by full name (no leading dot), e.g. google.protobuf.FieldOptions.</summary>
    public MessageSyntax? FindMessage(string fullName) => _messages.TryGetValue(fullName.TrimStart('.'), out MessageSyntax? m) ? m : null;

    private static BuiltIns Load()
    {
        using Stream stream = typeof(BuiltIns).Assembly.GetManifestResourceStream("google/protobuf/descriptor.proto")
            ?? throw new InvalidOperationException("descriptor.proto is not embedded.");
        using var reader = new StreamReader(stream);
        string text = reader.ReadToEnd();
        FileSyntax file = Parser.Parse(text, "google/protobuf/descriptor.proto", static (_, _, _, _) => { }, out _);
        var bound = new BoundFile(file, file.Name);
        new Binder(new SymbolTable(), bound, [], builtIns: null, static (_, _, _, _) => { }).BindWithoutOptions();
        return new BuiltIns(bound);
    }
}
