using System.Collections.Generic;
using System.Linq;
using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// XML doc comments from the .proto comments in the source info, formatted as protoc does: the
/// leading comment (else the trailing one), escaped, blank runs squashed, inside &lt;summary&gt;.
/// </summary>
internal sealed class DocComments
{
    private readonly Dictionary<string, SourceCodeInfo.Types.Location> _locations = [];

    public DocComments(FileDescriptorProto file)
    {
        if (file.SourceCodeInfo is null)
        {
            return;
        }
        foreach (SourceCodeInfo.Types.Location location in file.SourceCodeInfo.Location)
        {
            string key = Key(location.Path);
            if (!_locations.ContainsKey(key))
            {
                _locations.Add(key, location);
            }
        }
    }

    /// <summary>Writes the definition's doc comment, if it has one, and tells whether it did.</summary>
    public bool Write(CodeWriter writer, int[] path)
    {
        if (!_locations.TryGetValue(Key(path), out SourceCodeInfo.Types.Location? location))
        {
            return false;
        }
        string comments = location.LeadingComments.Length != 0 ? location.LeadingComments : location.TrailingComments;
        if (comments.Length == 0)
        {
            return false;
        }
        comments = comments.Replace("&", "&amp;").Replace("<", "&lt;");
        string[] lines = comments.Split('\n');
        writer.Line("/// <summary>");
        bool lastWasEmpty = false;
        foreach (string line in lines)
        {
            if (line.Length == 0)
            {
                lastWasEmpty = true;
                continue;
            }
            if (lastWasEmpty)
            {
                writer.Line("///");
            }
            lastWasEmpty = false;
            writer.Line("///" + line);
        }
        writer.Line("/// </summary>");
        return true;
    }

    /// <summary>
    /// The comments above the <c>syntax</c> (or <c>edition</c>) statement, which grpc_csharp_plugin copies into its
    /// header as <c>//</c> lines: each detached comment followed by an empty line, then the leading comment; lines
    /// as the source info holds them (a final line break ends the last line, it does not start an empty one).
    /// </summary>
    public List<string> FileHeaderLines()
    {
        var lines = new List<string>();
        if (!_locations.TryGetValue(Key([SyntaxFieldNumber]), out SourceCodeInfo.Types.Location? location))
        {
            return lines;
        }
        foreach (string detached in location.LeadingDetachedComments)
        {
            AddLines(lines, detached);
            lines.Add("");
        }
        AddLines(lines, location.LeadingComments);
        return lines;
    }

    private const int SyntaxFieldNumber = 12;

    private static void AddLines(List<string> lines, string text)
    {
        if (text.Length == 0)
        {
            return;
        }
        string[] parts = text.Split('\n');
        int count = text.EndsWith("\n", System.StringComparison.Ordinal) ? parts.Length - 1 : parts.Length;
        for (int i = 0; i < count; i++)
        {
            lines.Add(parts[i]);
        }
    }

    private static string Key(IEnumerable<int> path) => string.Join(",", path.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
