using Google.Protobuf;
using Google.Protobuf.Compiler;
using Inkwell.Protobuf;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// The serialized <c>CodeGeneratorRequest</c> protoc 35.1 sends a plugin. Written field by field with the files'
/// own descriptor bytes (the ones <c>-o</c> writes) so the request is protoc's byte for byte, not a re-encoding.
/// </summary>
internal static class PluginRequest
{
    /// <summary>
    /// file_to_generate (1): the inputs; parameter (2) when not empty; compiler_version (3): 7.35.1 with an empty
    /// suffix, protoc 35.1's (its C++ version number), since the descriptors are that protoc's; proto_file (15): every
    /// file of the compilation reachable from the inputs, dependencies first, with source info and json_name, source-retention
    /// options stripped from the inputs only;
    /// source_file_descriptors (17): the inputs' descriptors again, in proto_file order, with source-retention options kept.
    /// </summary>
    public static byte[] Build(CompilationResult result, string parameter)
    {
        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream);
        foreach (CompiledFile file in result.Files)
        {
            output.WriteTag(CodeGeneratorRequest.FileToGenerateFieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteString(file.Name);
        }

        if (parameter.Length > 0)
        {
            output.WriteTag(CodeGeneratorRequest.ParameterFieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteString(parameter);
        }

        var version = new Google.Protobuf.Compiler.Version { Major = ProtocVersion.Major, Minor = ProtocVersion.Minor, Patch = ProtocVersion.Patch, Suffix = "" };
        output.WriteTag(CodeGeneratorRequest.CompilerVersionFieldNumber, WireFormat.WireType.LengthDelimited);
        output.WriteMessage(version);

        // protoc strips source-retention options only from the files to generate: it copies every file as it holds
        // it (options unstripped, custom options in the order set), then moves the inputs' copies to
        // source_file_descriptors and puts stripped ones in their place. The two forms are the same bytes for a file
        // without such options.
        IReadOnlyList<CompiledFile> ordered = result.FilesInSetOrder(includeImports: true);
        var toGenerate = new HashSet<CompiledFile>(result.Files);
        foreach (CompiledFile file in ordered)
        {
            output.WriteTag(CodeGeneratorRequest.ProtoFileFieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(file.GetDescriptorBytes(includeSourceInfo: true, retainOptions: !toGenerate.Contains(file))));
        }

        foreach (CompiledFile file in ordered.Where(toGenerate.Contains))
        {
            output.WriteTag(CodeGeneratorRequest.SourceFileDescriptorsFieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(file.GetDescriptorBytes(includeSourceInfo: true, retainOptions: true)));
        }

        output.Flush();
        return stream.ToArray();
    }
}
