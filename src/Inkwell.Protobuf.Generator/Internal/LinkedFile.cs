namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// Everything needed to generate one file's C#, and nothing more: its own descriptor (with source info, for doc
/// comments) and the declarations of the files it can see and of the other files of its class hierarchies
/// (<see cref="DeclarationStubs"/>, <see cref="HierarchyFiles"/>: no fields, no comments, so editing those in an
/// import or a subtype's file does not regenerate this file). Equal values mean equal output, which is what lets
/// the per-file step stay cached.
/// </summary>
/// <param name="HintName">The unique hint name of the generated source.</param>
/// <param name="ImportName">The file's import name (its descriptor's name).</param>
/// <param name="FullPath">The .proto file's path, for diagnostics.</param>
/// <param name="OutputOptions">protoc's --csharp_opt text.</param>
/// <param name="ServiceOptions">grpc_csharp_plugin's options for the file's services; null when the item asks for none.</param>
/// <param name="Descriptor">The serialized FileDescriptorProto with source code info.</param>
/// <param name="Dependencies">A serialized FileDescriptorSet of the declaration stubs of the files it can see, then of its hierarchies' other files.</param>
internal sealed record LinkedFile(
    string HintName,
    string ImportName,
    string FullPath,
    string OutputOptions,
    string? ServiceOptions,
    EquatableArray<byte> Descriptor,
    EquatableArray<byte> Dependencies);
