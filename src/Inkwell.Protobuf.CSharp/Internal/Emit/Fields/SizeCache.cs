using System.Collections.Generic;
using System.Linq;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>
/// Names of the internal members behind <see cref="CSharpGeneratorOptions.CacheSerializedSizes"/>.
/// Generated property and nested-type names never contain an inner underscore, so these cannot clash.
/// </summary>
internal static class SizeCache
{
    /// <summary>The private field <c>CalculateSize</c> stores its result in.</summary>
    public const string Field = "_inkwell_cachedSize";

    /// <summary>Returns the size the last <c>CalculateSize</c> stored.</summary>
    public const string CachedSizeMethod = "Inkwell_CachedSize";

    /// <summary>Writes the message's fields, trusting its nested messages' cached sizes.</summary>
    public const string WriteMethod = "Inkwell_WriteToCached";

    /// <summary>
    /// The messages of a file that get a cached size: those that can contain themselves through message fields
    /// (directly or through other messages of the file; imports cannot form cycles). Only they can nest as deep as
    /// the data goes, which is what makes protoc's size recomputation quadratic; any other message nests no deeper
    /// than its schema, so recomputing its size costs a constant factor, while a cache field would grow every one of
    /// its instances (by 8 bytes when the 4 do not fit the object's padding).
    /// </summary>
    public static HashSet<ProtoMessage> RecursiveMessages(ProtoFile file)
    {
        var all = new List<ProtoMessage>();
        var pending = new Stack<ProtoMessage>(file.Messages);
        while (pending.Count > 0)
        {
            ProtoMessage message = pending.Pop();
            all.Add(message);
            foreach (ProtoMessage nested in message.NestedMessages)
            {
                pending.Push(nested);
            }
        }

        var recursive = new HashSet<ProtoMessage>();
        foreach (ProtoMessage start in all)
        {
            var seen = new HashSet<ProtoMessage>();
            var next = new Stack<ProtoMessage>(Children(start, file));
            while (next.Count > 0)
            {
                ProtoMessage message = next.Pop();
                if (message == start)
                {
                    recursive.Add(start);
                    break;
                }
                if (seen.Add(message))
                {
                    foreach (ProtoMessage child in Children(message, file))
                    {
                        next.Push(child);
                    }
                }
            }
        }
        return recursive;
    }

    private static IEnumerable<ProtoMessage> Children(ProtoMessage message, ProtoFile file) =>
        message.Fields.Where(f => f.MessageType is not null && f.MessageType.File == file).Select(f => f.MessageType!);
}
