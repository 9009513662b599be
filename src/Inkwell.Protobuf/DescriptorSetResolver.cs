using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.Descriptors;

namespace Inkwell.Protobuf;

/// <summary>
/// Finds files in precompiled descriptor sets, as protoc's <c>--descriptor_set_in</c> does: source files first (protoc's
/// <c>--proto_path</c> wins over the sets), then the sets' files, the first file of a name in the order given. A file
/// found in a set is compiled from its descriptor: the files importing it bind against it, and the compilation's
/// descriptor for it is the precompiled one (<c>json_name</c> filled and source info kept only when asked for, as protoc
/// writes it), never one compiled again.
/// </summary>
public sealed class DescriptorSetResolver : IProtoFileResolver
{
    private readonly Dictionary<string, FileDescriptorProto> _files = new(StringComparer.Ordinal);
    private readonly IProtoFileResolver? _sources;
    private readonly ConcurrentDictionary<string, bool> _fromSources = new(StringComparer.Ordinal);

    /// <summary>Serves <paramref name="files"/>, after <paramref name="sources"/> when given.</summary>
    /// <param name="files">The precompiled files; of two with the same name, the first is used (as protoc skips the second).</param>
    /// <param name="sources">Where .proto text is looked up first, or null to use the descriptors alone.</param>
    public DescriptorSetResolver(IEnumerable<FileDescriptorProto> files, IProtoFileResolver? sources = null)
    {
        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        foreach (FileDescriptorProto file in files)
        {
            if (!_files.ContainsKey(file.Name))
            {
                _files.Add(file.Name, file);
            }
        }

        _sources = sources;
    }

    /// <summary>Whether a set holds a file named <paramref name="name"/> (whether or not source files hide it).</summary>
    public bool Contains(string name) => _files.ContainsKey(name);

    /// <summary>
    /// The name of the first set file that declares the message type <paramref name="fullName"/> (e.g. <c>pkg.Outer.Inner</c>),
    /// or null: where protoc's <c>--decode</c> finds a type when no input file is given.
    /// </summary>
    public string? FindFileDeclaring(string fullName)
    {
        foreach (FileDescriptorProto file in _files.Values)
        {
            string prefix = file.Package.Length == 0 ? "" : file.Package + ".";
            if (fullName.StartsWith(prefix, StringComparison.Ordinal) && Declares(file.MessageType, fullName.Substring(prefix.Length)))
            {
                return file.Name;
            }
        }

        return null;
    }

    private static bool Declares(IEnumerable<DescriptorProto> messages, string relativeName)
    {
        foreach (DescriptorProto message in messages)
        {
            if (message.Name == relativeName
                || relativeName.StartsWith(message.Name + ".", StringComparison.Ordinal) && Declares(message.NestedType, relativeName.Substring(message.Name.Length + 1)))
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc/>
    public bool TryRead(string name, out string content, out string displayPath)
    {
        if (_sources is not null && _sources.TryRead(name, out content, out displayPath))
        {
            _fromSources[name] = true;
            return true;
        }

        displayPath = name;
        if (_files.TryGetValue(name, out FileDescriptorProto? file))
        {
            _fromSources[name] = false;
            content = DescriptorSourceWriter.Write(file);
            return true;
        }

        content = "";
        return false;
    }

    /// <summary>The precompiled descriptor of <paramref name="name"/> when the compilation read that file from a set.</summary>
    internal bool TryGetPrecompiled(string name, [NotNullWhen(true)] out FileDescriptorProto? file)
    {
        file = null;
        return _fromSources.TryGetValue(name, out bool fromSources) && !fromSources && _files.TryGetValue(name, out file);
    }
}
