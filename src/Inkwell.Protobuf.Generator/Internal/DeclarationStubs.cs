using System.Runtime.CompilerServices;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// What a file's C# needs to know about the files it imports: their names, packages, options (C# namespace,
/// reflection class name, features) and declared message and enum types: enums whole (their values name
/// defaults), messages without fields (except the wrappers', whose field gives the C# type). Cutting imports down
/// to this keeps each file's input small (a long import chain would otherwise make the work quadratic) and lets
/// an importer stay cached when only the fields of an imported file change, because its C# cannot change then.
/// </summary>
internal static class DeclarationStubs
{
    // A compiled file never changes, and a link takes over the compiled files whose binding it reuses
    // (ProtoCompiler.Link), so their stubs are made once, not on every edit; weak keys let them go with the files.
    private static readonly ConditionalWeakTable<CompiledFile, byte[]> s_stubs = new();

    /// <summary>
    /// The stubs of the files <paramref name="file"/> can see: its direct imports and, through them, every
    /// <c>import public</c> chain (what protoc lets a file's fields refer to), then the <paramref name="related"/>
    /// files its class hierarchies reach (<see cref="HierarchyFiles"/>), each once and never the file itself, as a
    /// serialized FileDescriptorSet.
    /// </summary>
    public static byte[] For(CompiledFile file, IReadOnlyList<CompiledFile> related)
    {
        var visible = new List<CompiledFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal) { file.Name };
        foreach (CompiledFile dependency in file.Dependencies)
        {
            AddWithPublicImports(dependency);
        }

        // A related file may be an import too (a ONEOF base's file imports its subtypes' files after lowering).
        visible.AddRange(related.Where(r => seen.Add(r.Name)));

        using var stream = new MemoryStream();
        var output = new CodedOutputStream(stream, leaveOpen: true);
        foreach (CompiledFile dependency in visible)
        {
            output.WriteTag(FileDescriptorSet.FileFieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(Of(dependency)));
        }

        output.Flush();
        return stream.ToArray();

        void AddWithPublicImports(CompiledFile current)
        {
            if (!seen.Add(current.Name))
            {
                return;
            }

            visible.Add(current);
            foreach (CompiledFile publicImport in current.PublicDependencies)
            {
                AddWithPublicImports(publicImport);
            }
        }
    }

    /// <summary>The serialized stub of one file, made once per compiled file.</summary>
    public static byte[] Of(CompiledFile file) =>
        s_stubs.GetValue(file, static f => Stub(f.ToFileDescriptorProto()).ToByteArray());

    private static FileDescriptorProto Stub(FileDescriptorProto file)
    {
        // Imports go too: every file the generator needs is in the set, and a stub refers to no other file.
        file.Dependency.Clear();
        file.PublicDependency.Clear();
        file.WeakDependency.Clear();
        file.OptionDependency.Clear();
        file.Extension.Clear();
        file.Service.Clear();
        file.SourceCodeInfo = null;
        if (file.Name == "google/protobuf/wrappers.proto")
        {
            // A wrapper field's C# type is the wrapped scalar (Int32Value → int?): read from the wrapper's field.
            return file;
        }

        foreach (DescriptorProto message in file.MessageType)
        {
            StripFields(message);
        }

        return file;
    }

    private static void StripFields(DescriptorProto message)
    {
        message.Field.Clear();
        message.OneofDecl.Clear();
        message.Extension.Clear();
        foreach (DescriptorProto nested in message.NestedType)
        {
            StripFields(nested);
        }
    }
}
