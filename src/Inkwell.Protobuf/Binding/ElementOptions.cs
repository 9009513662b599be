namespace Inkwell.Protobuf.Binding;

/// <summary>One declaration's options message as the binder interpreted it.</summary>
/// <param name="Bytes">The serialized options message after source-retention stripping; null when there is none to write (no options, or errors).</param>
/// <param name="RetainedBytes">
/// The options message before source-retention stripping, as protoc holds it (<c>--retain_options</c>, a plugin's
/// <c>source_file_descriptors</c>); null when those are the same bytes as <paramref name="Bytes"/>.
/// </param>
/// <param name="Dropped">Whether the options held only source-retention options, which protoc strips with the whole message.</param>
internal readonly record struct ElementOptions(byte[]? Bytes, byte[]? RetainedBytes, bool Dropped);
