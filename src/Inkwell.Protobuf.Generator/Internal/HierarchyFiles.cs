using System.Runtime.CompilerServices;
using Google.Protobuf.Reflection;
using Inkwell.Internal;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// The other files whose declarations a file's C# needs because of class hierarchies: the files declaring its
/// messages' bases (up to the root) and the generated files declaring their subtypes (all the way down). Imports
/// cover neither: an open base (ANY, EXTENSIONS) never imports its subtypes' files, a ONEOF base's file imports
/// them only after lowering, and the lowering drops a subtype file's import of its base's file when nothing but
/// <c>: Animal</c> used it. Without them a base's parser would not return its subtypes in other files, and such a
/// subtype would not derive from its base; the CLI, which generates from every file at once, sees them all.
/// Only project files to generate count as subtypes: a base that knew the class of a subtype generated elsewhere
/// would not compile. The relations are the lowering's <c>(inkwell.base)</c> and <c>(inkwell.subtype)</c>
/// options, read from the files' declaration stubs, which is also all the C# generator gets of these files.
/// </summary>
internal sealed class HierarchyFiles
{
    // Like the stubs, a compiled file's hierarchy messages are read once, not on every link that reuses the file.
    private static readonly ConditionalWeakTable<CompiledFile, HierarchyMessage[]> s_messages = new();

    private readonly Dictionary<string, (CompiledFile File, string? Base, bool OneofBase)> _declared = new(StringComparer.Ordinal);
    private readonly HashSet<string> _generated = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _subtypes = new(StringComparer.Ordinal);

    /// <param name="linked">Every file of the link: bases may be declared in files that are only imported.</param>
    /// <param name="generated">The files generated from the link: only their messages count as subtypes.</param>
    public HierarchyFiles(IEnumerable<CompiledFile> linked, IEnumerable<CompiledFile> generated)
    {
        foreach (CompiledFile file in linked)
        {
            foreach (HierarchyMessage message in MessagesOf(file))
            {
                _declared[message.Name] = (file, message.Base, message.OneofBase);
            }
        }

        foreach (CompiledFile file in generated)
        {
            _generated.Add(file.Name);
            foreach (HierarchyMessage message in MessagesOf(file).Where(m => m.Base is not null))
            {
                if (!_subtypes.TryGetValue(message.Base!, out List<string>? subtypes))
                {
                    _subtypes[message.Base!] = subtypes = [];
                }

                subtypes.Add(message.Name);
            }
        }
    }

    /// <summary>The files, other than <paramref name="file"/> itself, declaring its messages' bases and subtypes, by name.</summary>
    public IReadOnlyList<CompiledFile> Related(CompiledFile file)
    {
        HierarchyMessage[] own = MessagesOf(file);
        if (own.Length == 0)
        {
            return [];
        }

        var related = new SortedDictionary<string, CompiledFile>(StringComparer.Ordinal);
        var up = new HashSet<string>(StringComparer.Ordinal);
        var down = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        foreach (HierarchyMessage message in own)
        {
            // The compiler rejects inheritance cycles; the sets only keep each walk linear.
            for (string? name = message.Base; name is not null && up.Add(name) && _declared.TryGetValue(name, out var declared); name = declared.Base)
            {
                Add(declared.File);
            }

            pending.Enqueue(message.Name);
        }

        while (pending.Count > 0)
        {
            if (_subtypes.TryGetValue(pending.Dequeue(), out List<string>? subtypes))
            {
                foreach (string subtype in subtypes.Where(down.Add))
                {
                    Add(_declared[subtype].File);
                    pending.Enqueue(subtype);
                }
            }
        }

        return [.. related.Values];

        void Add(CompiledFile other)
        {
            if (other.Name != file.Name)
            {
                related[other.Name] = other;
            }
        }
    }

    /// <summary>
    /// The messages of <paramref name="file"/> whose direct base has the ONEOF encoding but is declared in a file this
    /// project does not generate: the base's code, generated elsewhere, cannot list them in its oneof.
    /// </summary>
    public IEnumerable<(string Subtype, string Base, string BaseFile)> OneofSubtypesApartFromTheirBase(CompiledFile file)
    {
        foreach (HierarchyMessage message in MessagesOf(file))
        {
            if (message.Base is not null && _declared.TryGetValue(message.Base, out var declared)
                && declared.OneofBase && !_generated.Contains(declared.File.Name))
            {
                yield return (message.Name, message.Base, declared.File.Name);
            }
        }
    }

    private static HierarchyMessage[] MessagesOf(CompiledFile file) =>
        // The options need their file imported, so a file that does not import inkwell/inheritance.proto has none.
        file.Dependencies.Any(d => d.Name == ProtoCompiler.InheritanceProto)
            ? s_messages.GetValue(file, static f => Read(FileDescriptorProto.Parser.ParseFrom(DeclarationStubs.Of(f))))
            : [];

    private static HierarchyMessage[] Read(FileDescriptorProto stub)
    {
        var messages = new List<HierarchyMessage>();
        string prefix = stub.Package.Length == 0 ? "" : stub.Package + ".";
        foreach (DescriptorProto message in stub.MessageType)
        {
            Add(message, prefix);
        }

        return [.. messages];

        void Add(DescriptorProto message, string scope)
        {
            string name = scope + message.Name;
            // The C# generator's reader of the lowering's options, so the numbers live in one place.
            var (baseInfo, subtypeInfo) = InheritanceOptions.Read(message.Options);
            if (baseInfo is not null || subtypeInfo is not null)
            {
                messages.Add(new HierarchyMessage(name, subtypeInfo?.Base, baseInfo?.Encoding == SubtypeEncoding.Oneof));
            }

            foreach (DescriptorProto nested in message.NestedType)
            {
                Add(nested, name + ".");
            }
        }
    }

    /// <summary>
    /// A message with an <c>(inkwell.base)</c> or <c>(inkwell.subtype)</c> option: its full name, its direct base's,
    /// and whether it is a ONEOF base.
    /// </summary>
    private readonly record struct HierarchyMessage(string Name, string? Base, bool OneofBase);
}
