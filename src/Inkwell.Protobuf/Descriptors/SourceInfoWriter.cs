using Inkwell.Protobuf.Binding;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Descriptors;

/// <summary>Serializes the parser's recorded locations as SourceCodeInfo.</summary>
internal static class SourceInfoWriter
{
    /// <summary>
    /// protoc's UpdateSourceCodeInfo: a location of an interpreted option gets the path of the option's field,
    /// and the locations nested under it (name parts, value) are dropped.
    /// </summary>
    private static IEnumerable<SourceLocation> RewriteOptionPaths(FileSyntax file, Dictionary<string, int[]> interpretedPaths)
    {
        int[]? removing = null;
        foreach (SourceLocation location in file.Locations)
        {
            if (removing is not null)
            {
                if (location.Path.Length >= removing.Length && location.Path.AsSpan(0, removing.Length).SequenceEqual(removing))
                {
                    continue;
                }

                removing = null;
            }

            if (interpretedPaths.Count > 0 && location.Path.Length >= 2 && location.Path[^2] == 999 &&
                interpretedPaths.TryGetValue(string.Join(",", location.Path), out int[]? destination))
            {
                removing = location.Path;
                yield return new SourceLocation(destination)
                {
                    StartLine = location.StartLine,
                    StartColumn = location.StartColumn,
                    EndLine = location.EndLine,
                    EndColumn = location.EndColumn,
                    LeadingComments = location.LeadingComments,
                    TrailingComments = location.TrailingComments,
                    LeadingDetachedComments = location.LeadingDetachedComments,
                };
                continue;
            }

            yield return location;
        }
    }

    /// <summary>Writes the locations; the ones of stripped options only with <paramref name="retain"/>, as protoc.</summary>
    public static void Write(ProtoWriter w, FileSyntax file, InterpretedOptions options, bool retain)
    {
        foreach (SourceLocation location in RewriteOptionPaths(file, options.InterpretedPaths))
        {
            if (!retain && options.StrippedPaths.Any(stripped => location.Path.Length >= stripped.Length && location.Path.AsSpan(0, stripped.Length).SequenceEqual(stripped)))
            {
                continue;
            }

            w.WriteMessageField(1, inner =>
            {
                var path = new ProtoWriter(location.Path.Length * 2);
                foreach (int p in location.Path)
                {
                    path.WriteVarint((ulong)(long)p);
                }

                if (path.Length > 0)
                {
                    inner.WriteBytesField(1, path.Written);
                }
                var span = new ProtoWriter(16);
                span.WriteVarint((ulong)location.StartLine);
                span.WriteVarint((ulong)location.StartColumn);
                if (location.EndLine != location.StartLine)
                {
                    span.WriteVarint((ulong)location.EndLine);
                }

                span.WriteVarint((ulong)location.EndColumn);
                inner.WriteBytesField(2, span.Written);
                if (location.LeadingComments is { } leading)
                {
                    inner.WriteStringField(3, leading);
                }

                if (location.TrailingComments is { } trailing)
                {
                    inner.WriteStringField(4, trailing);
                }

                foreach (string detached in location.LeadingDetachedComments ?? [])
                {
                    inner.WriteStringField(6, detached);
                }
            });
        }
    }
}
