using System.Collections.Generic;
using System.Linq;
using Inkwell.Internal;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>
/// Rebuilds class hierarchies from the lowering's options. A hierarchy becomes C# classes, whatever its
/// encodings, when no message in it takes extensions of its own (classes do not implement
/// <c>IExtendableMessage</c>); otherwise it keeps the lowered schema's classes.
/// </summary>
internal static class HierarchyLinker
{
    public static void Link(IReadOnlyList<ProtoMessage> messages, IReadOnlyDictionary<string, ProtoMessage> byName)
    {
        var subtypesOf = new Dictionary<ProtoMessage, List<(ProtoMessage Subtype, InheritanceOptions.SubtypeInfo Info)>>();
        var bases = new Dictionary<ProtoMessage, InheritanceOptions.BaseInfo>();
        var roots = new List<ProtoMessage>();
        foreach (ProtoMessage message in messages)
        {
            (InheritanceOptions.BaseInfo? baseInfo, InheritanceOptions.SubtypeInfo? subtypeInfo) = InheritanceOptions.Read(message.Proto.Options);
            if (baseInfo is not null)
            {
                bases[message] = baseInfo;
            }
            if (subtypeInfo is not null && byName.TryGetValue(subtypeInfo.Base, out ProtoMessage? baseType))
            {
                if (!subtypesOf.TryGetValue(baseType, out var list))
                {
                    subtypesOf[baseType] = list = [];
                }
                list.Add((message, subtypeInfo));
            }
            else if (baseInfo is not null)
            {
                roots.Add(message);
            }
        }

        var linker = new Tree(bases, subtypesOf);
        foreach (ProtoMessage root in roots.Where(linker.CanBeClasses))
        {
            linker.Attach(root, null, null);
        }

        // `Cat pet` was lowered to the root's type (a Cat is written as its root envelope); with classes, the
        // property is a Cat again. Without them the lowered schema's root class stays.
        foreach (ProtoMessage message in messages)
        {
            foreach (ProtoField field in message.Fields.Concat(message.Extensions))
            {
                // On a map field, the option names the value's declared type.
                ProtoField? typed = field.IsMap ? field.MessageType!.Fields.ElementAtOrDefault(1) : field;
                if (InheritanceOptions.DeclaredType(field.Proto.Options) is { } declared
                    && byName.TryGetValue(declared, out ProtoMessage? declaredType)
                    && declaredType.Hierarchy is not null
                    && typed?.MessageType?.Hierarchy is not null)
                {
                    typed.MessageType = declaredType;
                }
            }
        }
    }

    private sealed class Tree(
        Dictionary<ProtoMessage, InheritanceOptions.BaseInfo> bases,
        Dictionary<ProtoMessage, List<(ProtoMessage Subtype, InheritanceOptions.SubtypeInfo Info)>> subtypesOf)
    {
        public bool CanBeClasses(ProtoMessage message)
        {
            bool isBase = bases.TryGetValue(message, out InheritanceOptions.BaseInfo? info);
            if (isBase && info!.Encoding is not (SubtypeEncoding.Oneof or SubtypeEncoding.Any or SubtypeEncoding.Extensions))
            {
                return false;
            }
            // EXTENSIONS bases have the lowering's range only: [first, last) below the type field.
            int ownRanges = isBase && info!.Encoding == SubtypeEncoding.Extensions ? 1 : 0;
            if (message.Proto.ExtensionRange.Count != ownRanges)
            {
                return false;
            }
            return !subtypesOf.TryGetValue(message, out var subtypes) || subtypes.All(s => CanBeClasses(s.Subtype));
        }

        // A base from a declaration stub (source generator) has no fields: its oneof member for this subtype is the
        // one the lowering declared, named by the subtype's option and numbered with its tag.
        private static ProtoField OneofMemberOfStub(ProtoMessage subtype, ProtoMessage baseType, InheritanceOptions.SubtypeInfo info) =>
            new(new Google.Protobuf.Reflection.FieldDescriptorProto { Name = info.Field, Number = info.Tag, TypeName = "." + subtype.FullName }, baseType.File, -1, [])
            {
                ContainingType = baseType,
                MessageType = subtype,
                Type = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type.Message,
                Features = baseType.Features,
            };

        public void Attach(ProtoMessage message, ProtoMessage? baseType, InheritanceOptions.SubtypeInfo? subtypeInfo)
        {
            var level = new HierarchyLevel(message, baseType, subtypeInfo?.Tag ?? 0);
            if (baseType is not null)
            {
                // ONEOF: the base's oneof member; ANY: the base's Any field; EXTENSIONS: this subtype's extension of
                // the base. (Absent from the declaration stubs the source generator passes for imported files,
                // which are not generated.)
                level.MemberInBase = baseType.Hierarchy!.Encoding switch
                {
                    SubtypeEncoding.Extensions => message.Extensions.FirstOrDefault(e => e.Number == level.Tag && e.ContainingType == baseType),
                    SubtypeEncoding.Any => baseType.Hierarchy.AnyField,
                    _ => baseType.Fields.FirstOrDefault(f => f.Name == subtypeInfo!.Field) ?? OneofMemberOfStub(message, baseType, subtypeInfo!),
                };
            }
            message.Hierarchy = level;
            if (bases.TryGetValue(message, out InheritanceOptions.BaseInfo? info))
            {
                level.Encoding = info.Encoding;
                if (info.Encoding == SubtypeEncoding.Extensions)
                {
                    level.TypeField = message.Fields.FirstOrDefault(f => f.Name == info.Field);
                }
                else if (info.Encoding == SubtypeEncoding.Any)
                {
                    level.AnyField = message.Fields.FirstOrDefault(f => f.Name == info.Field);
                }
                else
                {
                    level.SubtypeOneof = message.Oneofs.SingleOrDefault(o => o.Name == info.Field);
                }
            }
            if (subtypesOf.TryGetValue(message, out var subtypes))
            {
                foreach ((ProtoMessage subtype, InheritanceOptions.SubtypeInfo info2) in subtypes.OrderBy(s => s.Info.Tag))
                {
                    level.Subtypes.Add(subtype);
                    Attach(subtype, message, info2);
                }
            }
        }
    }
}
