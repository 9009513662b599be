using Inkwell.Internal;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Inheritance;

/// <summary>
/// Builds the compilation's class hierarchies from the bound files and checks them: encodings, ranges, tags,
/// names and cycles. Every problem is reported at its place in the source with protoc's wording style.
/// </summary>
internal sealed class HierarchyBuilder(IReadOnlyList<CompiledFile> files, Action<CompiledFile, TextPosition, string> error)
{
    /// <summary>protoc's largest field number; subtype tags share its range.</summary>
    public const int MaxTag = 536870911;

    private readonly Dictionary<string, (MessageSyntax Message, CompiledFile File)> _messages = new(StringComparer.Ordinal);
    private bool _failed;

    /// <summary>The bases by full name (no leading dot), in compilation order.</summary>
    public Dictionary<string, HierarchyBase> Bases { get; } = new(StringComparer.Ordinal);

    /// <summary>Every subtype, in compilation order.</summary>
    public List<HierarchySubtype> Subtypes { get; } = [];

    /// <summary>Builds and checks; false when something was reported.</summary>
    public bool Build()
    {
        foreach (CompiledFile file in files)
        {
            foreach (MessageSyntax message in file.Syntax.Messages)
            {
                Collect(message, file);
            }
        }

        foreach ((MessageSyntax message, CompiledFile file) in _messages.Values)
        {
            if (message.Subtypes is not null)
            {
                AddBase(message, file);
            }
        }

        var pending = new List<(MessageSyntax Message, CompiledFile File, MessageSyntax Base)>();
        foreach ((MessageSyntax message, CompiledFile file) in _messages.Values)
        {
            if (file.Bound.BaseOf(message) is { } baseName && _messages.TryGetValue(baseName.Substring(1), out var parent))
            {
                pending.Add((message, file, parent.Message));
            }
        }

        foreach ((MessageSyntax message, CompiledFile file, MessageSyntax parent) in pending)
        {
            if (!InCycle(message, file))
            {
                AddSubtype(message, file, Bases.TryGetValue(parent.FullName, out HierarchyBase? known) ? known : AddBase(parent, _messages[parent.FullName].File));
            }
        }

        foreach (HierarchyBase hierarchyBase in Bases.Values)
        {
            hierarchyBase.Subtypes.Sort((a, b) => a.Tag.CompareTo(b.Tag));
            NameMembers(hierarchyBase);
        }

        return !_failed;
    }

    private void Report(CompiledFile file, TextPosition position, string message)
    {
        _failed = true;
        error(file, position, message);
    }

    private void Collect(MessageSyntax message, CompiledFile file)
    {
        _messages[message.FullName] = (message, file);
        foreach (MessageSyntax nested in message.NestedTypes)
        {
            Collect(nested, file);
        }
    }

    private HierarchyBase AddBase(MessageSyntax message, CompiledFile file)
    {
        SubtypesSyntax? declared = message.Subtypes;
        SubtypeEncoding encoding = SubtypeEncoding.Oneof;
        if (declared is not null)
        {
            encoding = ParseEncoding(declared, file);
            CheckDeclaredRange(message, declared, encoding, file);
        }

        var result = new HierarchyBase(message, file, encoding);
        Bases[message.FullName] = result;
        return result;
    }

    private SubtypeEncoding ParseEncoding(SubtypesSyntax declared, CompiledFile file)
    {
        switch (declared.Encoding)
        {
            case null or "ONEOF":
                return SubtypeEncoding.Oneof;
            case "ANY":
                return SubtypeEncoding.Any;
            case "EXTENSIONS":
                if (file.Syntax.Syntax == ProtoSyntax.Proto3)
                {
                    Report(file, declared.EncodingPosition, "EXTENSIONS encoding needs proto2 or editions: proto3 only allows extensions of custom options. Use ONEOF or ANY in a proto3 file.");
                }

                return SubtypeEncoding.Extensions;
            default:
                Report(file, declared.EncodingPosition, $"Unknown subtype encoding \"{declared.Encoding}\"; expected ONEOF, ANY or EXTENSIONS.");
                return SubtypeEncoding.Oneof;
        }
    }

    private void CheckDeclaredRange(MessageSyntax message, SubtypesSyntax declared, SubtypeEncoding encoding, CompiledFile file)
    {
        if (declared.Start < 1 || declared.End > MaxTag)
        {
            Report(file, declared.RangePosition, $"Subtype tags must be between 1 and {MaxTag}.");
            return;
        }

        if (declared.End < declared.Start)
        {
            Report(file, declared.RangePosition, "Subtypes range end number must be greater than start number.");
            return;
        }

        if (encoding == SubtypeEncoding.Extensions && declared.Start == declared.End)
        {
            Report(file, declared.RangePosition, $"EXTENSIONS encoding needs at least two numbers: the last one ({declared.End}) holds the present subtype's tag.");
        }

        string range = RangeText(declared);
        foreach (FieldSyntax field in message.Fields)
        {
            if (field.Number >= declared.Start && field.Number <= declared.End)
            {
                Report(file, field.NumberPosition, $"Field \"{field.Name}\" uses number {field.Number}, which is in the subtypes range {range} of \"{message.Name}\".");
            }
        }

        foreach (RangeSyntax reserved in message.ReservedRanges)
        {
            if (Overlaps(reserved, declared))
            {
                Report(file, declared.RangePosition, $"The subtypes range {range} of \"{message.Name}\" overlaps its reserved range {RangeText(reserved)}.");
            }
        }

        foreach (RangeSyntax extensions in message.ExtensionRanges)
        {
            if (Overlaps(extensions, declared))
            {
                Report(file, declared.RangePosition, $"The subtypes range {range} of \"{message.Name}\" overlaps its extension range {RangeText(extensions)}.");
            }
        }
    }

    private bool InCycle(MessageSyntax message, CompiledFile file)
    {
        var chain = new List<MessageSyntax> { message };
        (MessageSyntax current, CompiledFile currentFile) = (message, file);
        while (currentFile.Bound.BaseOf(current) is { } baseName && _messages.TryGetValue(baseName.Substring(1), out var parent))
        {
            if (parent.Message == message)
            {
                Report(file, message.Inheritance!.BaseTypePosition,
                    $"\"{message.FullName}\" inherits from itself: {string.Join(" -> ", chain.Append(message).Select(m => m.FullName))}.");
                return true;
            }

            if (chain.Contains(parent.Message))
            {
                return true; // a cycle further up, reported at its own members
            }

            chain.Add(parent.Message);
            (current, currentFile) = parent;
        }

        return false;
    }

    private void AddSubtype(MessageSyntax message, CompiledFile file, HierarchyBase parent)
    {
        InheritanceSyntax inheritance = message.Inheritance!;
        int tag = inheritance.Tag;
        MessageSyntax baseMessage = parent.Message;
        if (tag < 1 || tag > MaxTag)
        {
            Report(file, inheritance.TagPosition, $"Subtype tags must be between 1 and {MaxTag}.");
            return;
        }

        if (tag is >= 19000 and <= 19999)
        {
            Report(file, inheritance.TagPosition, $"Subtype tag {tag} of \"{message.Name}\" is in 19000 to 19999, which is reserved for the protocol buffer library implementation.");
            return;
        }

        if (baseMessage.Subtypes is { } declared)
        {
            if (tag < declared.Start || tag > declared.End)
            {
                Report(file, inheritance.TagPosition, $"Subtype tag {tag} of \"{message.Name}\" is outside the subtypes range {RangeText(declared)} of \"{baseMessage.FullName}\".");
                return;
            }

            if (parent.Encoding == SubtypeEncoding.Extensions && tag == declared.End)
            {
                Report(file, inheritance.TagPosition, $"Subtype tag {tag} of \"{message.Name}\" is the last number of the subtypes range of \"{baseMessage.FullName}\", which EXTENSIONS encoding uses for the field holding the present subtype's tag.");
                return;
            }
        }

        if (baseMessage.Fields.FirstOrDefault(f => f.Number == tag) is { } field)
        {
            Report(file, inheritance.TagPosition, $"Subtype tag {tag} of \"{message.Name}\" is already used by field \"{field.Name}\" of \"{baseMessage.FullName}\".");
            return;
        }

        if (baseMessage.ReservedRanges.FirstOrDefault(r => tag >= r.Start && tag < r.End) is { } reserved)
        {
            Report(file, inheritance.TagPosition, $"Subtype tag {tag} of \"{message.Name}\" is reserved in \"{baseMessage.FullName}\" ({RangeText(reserved)}).");
            return;
        }

        if (baseMessage.ExtensionRanges.FirstOrDefault(r => tag >= r.Start && tag < r.End) is { } extensions)
        {
            Report(file, inheritance.TagPosition, $"Subtype tag {tag} of \"{message.Name}\" is in the extension range {RangeText(extensions)} of \"{baseMessage.FullName}\".");
            return;
        }

        if (parent.Encoding == SubtypeEncoding.Extensions && file.Syntax.Syntax == ProtoSyntax.Proto3)
        {
            Report(file, inheritance.BaseTypePosition,
                $"\"{baseMessage.FullName}\" uses EXTENSIONS encoding, so \"{message.Name}\" would declare an extension of it, which a proto3 file cannot. Move \"{message.Name}\" to a proto2 or editions file, or use ONEOF or ANY in \"{baseMessage.FullName}\".");
            return;
        }

        if (parent.Subtypes.FirstOrDefault(s => s.Tag == tag) is { } existing)
        {
            Report(file, inheritance.TagPosition,
                $"Subtype tag {tag} of \"{message.FullName}\" is already used by \"{existing.Message.FullName}\" (in \"{existing.File.Name}\"); each direct subtype of \"{baseMessage.FullName}\" needs its own tag.");
            return;
        }

        var subtype = new HierarchySubtype(message, file, parent, tag);
        parent.Subtypes.Add(subtype);
        Subtypes.Add(subtype);
    }

    private void NameMembers(HierarchyBase hierarchyBase)
    {
        MessageSyntax baseMessage = hierarchyBase.Message;
        hierarchyBase.MemberName = MemberNames.ForBase(baseMessage, hierarchyBase.Encoding == SubtypeEncoding.Extensions
            ? hierarchyBase.Subtypes.Where(s => s.File == hierarchyBase.File).Select(s => s.Message.Name).ToList()
            : null);
        var used = new Dictionary<string, HierarchySubtype>(StringComparer.Ordinal);
        foreach (HierarchySubtype subtype in hierarchyBase.Subtypes)
        {
            TextPosition at = subtype.Message.Inheritance!.BaseTypePosition;
            switch (hierarchyBase.Encoding)
            {
                case SubtypeEncoding.Oneof:
                    subtype.FieldName = MemberNames.ToSnakeCase(subtype.Message.Name);
                    if (MemberNames.IsTaken(baseMessage, subtype.FieldName) || subtype.FieldName == hierarchyBase.MemberName)
                    {
                        Report(subtype.File, at, $"ONEOF encoding adds field \"{subtype.FieldName}\" for \"{subtype.Message.Name}\" to \"{baseMessage.FullName}\", which already has a member of that name.");
                    }
                    else if (used.TryGetValue(subtype.FieldName, out HierarchySubtype? other))
                    {
                        Report(subtype.File, at, $"ONEOF encoding would give \"{subtype.Message.FullName}\" and \"{other.Message.FullName}\" the same field \"{subtype.FieldName}\" in \"{baseMessage.FullName}\"; rename one of them.");
                    }
                    else
                    {
                        used[subtype.FieldName] = subtype;
                    }

                    break;
                case SubtypeEncoding.Extensions:
                    subtype.FieldName = MemberNames.ToSnakeCase(baseMessage.Name);
                    if (MemberNames.IsTaken(subtype.Message, subtype.FieldName))
                    {
                        Report(subtype.File, at, $"EXTENSIONS encoding declares extension \"{subtype.FieldName}\" of \"{baseMessage.FullName}\" inside \"{subtype.Message.FullName}\", which already has a member of that name.");
                    }

                    // The type enum names the subtypes declared next to the base: their names must differ.
                    string value = MemberNames.EnumValue(hierarchyBase.MemberName, subtype.Message.Name);
                    if (subtype.File == hierarchyBase.File && used.TryGetValue(value, out HierarchySubtype? same))
                    {
                        Report(subtype.File, at, $"EXTENSIONS encoding would give \"{subtype.Message.FullName}\" and \"{same.Message.FullName}\" the same value \"{value}\" in the type enum of \"{baseMessage.FullName}\"; rename one of them.");
                    }
                    else if (subtype.File == hierarchyBase.File)
                    {
                        used[value] = subtype;
                    }

                    break;
            }
        }
    }

    private static bool Overlaps(RangeSyntax range, SubtypesSyntax declared) => range.Start <= declared.End && range.End - 1 >= declared.Start;

    private static string RangeText(SubtypesSyntax declared) =>
        declared.Start == declared.End ? $"{declared.Start}" : $"{declared.Start} to {(declared.End == MaxTag ? "max" : declared.End.ToString(System.Globalization.CultureInfo.InvariantCulture))}";

    private static string RangeText(RangeSyntax range) =>
        range.End - 1 == range.Start ? $"{range.Start}" : $"{range.Start} to {range.End - 1}";
}
