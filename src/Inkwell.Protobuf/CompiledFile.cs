using Google.Protobuf.Reflection;
using Inkwell.Protobuf.Binding;
using Inkwell.Protobuf.Descriptors;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf;

/// <summary>One compiled .proto file: its descriptor, exactly as protoc writes it, and the files it depends on.</summary>
public sealed class CompiledFile
{
    private byte[]? _descriptor;
    private byte[]? _descriptorWithSourceInfo;
    private byte[]? _retainedDescriptor;
    private byte[]? _retainedDescriptorWithSourceInfo;

    internal CompiledFile(BoundFile bound, IReadOnlyList<CompiledFile> dependencies, IReadOnlyList<CompiledFile> optionDependencies,
        FileDescriptorProto? precompiled = null)
    {
        Bound = bound;
        Dependencies = dependencies;
        OptionDependencies = optionDependencies;
        PublicDependencies = [.. bound.Syntax.Imports
            .Where(i => i.Kind == ImportKind.Public)
            .Select(i => dependencies.FirstOrDefault(d => d.Name == i.Path))
            .OfType<CompiledFile>()];
        Precompiled = precompiled;
    }

    /// <summary>
    /// The descriptor this file was read from (a <see cref="DescriptorSetResolver"/>'s set), or null when it was compiled
    /// from .proto text. Other files are then bound against text written back from it.
    /// </summary>
    public FileDescriptorProto? Precompiled { get; }

    /// <summary>The import name, e.g. <c>google/protobuf/any.proto</c>.</summary>
    public string Name => Bound.Name;

    /// <summary>The file as bound: its syntax tree (as parsed) and what binding found.</summary>
    internal BoundFile Bound { get; }

    /// <summary>The syntax tree, as parsed.</summary>
    internal FileSyntax Syntax => Bound.Syntax;

    /// <summary>The files this one imports (plain, public and weak), in import order.</summary>
    public IReadOnlyList<CompiledFile> Dependencies { get; }

    /// <summary>
    /// The files this one imports with <c>import public</c>, in import order (a subset of <see cref="Dependencies"/>):
    /// their types are visible to every file that imports this one, as the descriptor's <c>public_dependency</c> says.
    /// </summary>
    public IReadOnlyList<CompiledFile> PublicDependencies { get; }

    /// <summary>The files imported with <c>import option</c> (only their options are used).</summary>
    public IReadOnlyList<CompiledFile> OptionDependencies { get; }

    /// <summary>The serialized FileDescriptorProto without source code info.</summary>
    public byte[] DescriptorBytes => _descriptor ??= Precompiled is not null
        ? PrecompiledDescriptor.Write(Precompiled, includeSourceInfo: false)
        : DescriptorWriter.Write(Bound, includeSourceInfo: false);

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

        return _descriptorWithSourceInfo ??= DescriptorWriter.Write(Bound, includeSourceInfo: true);
    }

    /// <summary>
    /// The serialized FileDescriptorProto; with <paramref name="retainOptions"/>, options with
    /// <c>retention = RETENTION_SOURCE</c> are kept, as protoc 35.1 writes with <c>--retain_options</c> and sends a
    /// plugin in <c>source_file_descriptors</c> (custom options then stay in the order they were set, where the
    /// stripped form has them in field-number order). Same bytes as <see cref="GetDescriptorBytes(bool)"/> for a file
    /// whose options do not differ so.
    /// </summary>
    /// <exception cref="InvalidOperationException">Source info is asked for, but the compilation did not record it (<see cref="ProtoCompilerOptions.SourceInfo"/>).</exception>
    public byte[] GetDescriptorBytes(bool includeSourceInfo, bool retainOptions)
    {
        if (!retainOptions || !Bound.Options.HasRetainedOptions)
        {
            return GetDescriptorBytes(includeSourceInfo);
        }

        if (!includeSourceInfo)
        {
            return _retainedDescriptor ??= DescriptorWriter.Write(Bound, includeSourceInfo: false, retain: true);
        }

        GetDescriptorBytes(includeSourceInfo: true); // the same check for recorded source info
        return _retainedDescriptorWithSourceInfo ??= DescriptorWriter.Write(Bound, includeSourceInfo: true, retain: true);
    }

    /// <summary>The descriptor as Google.Protobuf's message type.</summary>
    public FileDescriptorProto ToFileDescriptorProto(bool includeSourceInfo = false) =>
        FileDescriptorProto.Parser.ParseFrom(GetDescriptorBytes(includeSourceInfo));
}
