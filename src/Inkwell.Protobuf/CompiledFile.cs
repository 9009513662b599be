using Google.Protobuf.Reflection;
using Inkwell.Protobuf.Descriptors;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf;

/// <summary>One compiled .proto file: its linked syntax tree and its descriptor, exactly as protoc writes it.</summary>
public sealed class CompiledFile
{
    private byte[]? _descriptor;
    private byte[]? _descriptorWithSourceInfo;

    internal CompiledFile(FileSyntax syntax, IReadOnlyList<CompiledFile> dependencies, IReadOnlyList<CompiledFile> optionDependencies,
        FileDescriptorProto? precompiled = null)
    {
        Syntax = syntax;
        Dependencies = dependencies;
        OptionDependencies = optionDependencies;
        Precompiled = precompiled;
    }

    /// <summary>
    /// The descriptor this file was read from (a <see cref="DescriptorSetResolver"/>'s set), or null when it was compiled
    /// from .proto text. <see cref="Syntax"/> is then the text written back from it, enough to bind other files against.
    /// </summary>
    public FileDescriptorProto? Precompiled { get; }

    /// <summary>The import name, e.g. <c>google/protobuf/any.proto</c>.</summary>
    public string Name => Syntax.Name;

    /// <summary>The linked syntax tree (types resolved, options interpreted).</summary>
    public FileSyntax Syntax { get; }

    /// <summary>The files this one imports (plain, public and weak), in import order.</summary>
    public IReadOnlyList<CompiledFile> Dependencies { get; }

    /// <summary>The files imported with <c>import option</c> (only their options are used).</summary>
    public IReadOnlyList<CompiledFile> OptionDependencies { get; }

    /// <summary>The serialized FileDescriptorProto without source code info.</summary>
    public byte[] DescriptorBytes => _descriptor ??= Precompiled is not null
        ? PrecompiledDescriptor.Write(Precompiled, includeSourceInfo: false)
        : DescriptorWriter.Write(Syntax, includeSourceInfo: false);

    /// <summary>The serialized FileDescriptorProto, with source code info (comments and spans) if asked.</summary>
    /// <exception cref="InvalidOperationException">
    /// Source info is asked for, but the compilation did not record it (<see cref="ProtoCompilerOptions.SourceInfo"/>).
    /// A precompiled file (<see cref="Precompiled"/>) has the source info its set had, if any.
    /// </exception>
    public byte[] GetDescriptorBytes(bool includeSourceInfo)
    {
        if (!includeSourceInfo)
        {
            return DescriptorBytes;
        }

        if (Precompiled is not null)
        {
            // protoc keeps a precompiled file's source info when it has some, and writes none otherwise.
            return _descriptorWithSourceInfo ??= PrecompiledDescriptor.Write(Precompiled, includeSourceInfo: true);
        }

        if (!Syntax.HasSourceInfo)
        {
            throw new InvalidOperationException($"{Name} was compiled without source info; compile with ProtoCompilerOptions.SourceInfo = true to get it.");
        }

        return _descriptorWithSourceInfo ??= DescriptorWriter.Write(Syntax, includeSourceInfo: true);
    }

    /// <summary>The descriptor as Google.Protobuf's message type.</summary>
    public FileDescriptorProto ToFileDescriptorProto(bool includeSourceInfo = false) =>
        FileDescriptorProto.Parser.ParseFrom(GetDescriptorBytes(includeSourceInfo));
}
