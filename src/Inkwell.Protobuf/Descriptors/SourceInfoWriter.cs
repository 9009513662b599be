using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Descriptors;

/// <summary>Serializes the parser's recorded locations as SourceCodeInfo.</summary>
internal static class SourceInfoWriter
{
    public static void Write(ProtoWriter w, FileSyntax file)
    {
        foreach (SourceLocation location in file.Locations)
        {
            w.WriteMessageField(1, inner =>
            {
                var path = new ProtoWriter();
                foreach (int p in location.Path)
                {
                    path.WriteVarint((ulong)(long)p);
                }

                inner.WriteBytesField(1, path.Written);
                var span = new ProtoWriter();
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
