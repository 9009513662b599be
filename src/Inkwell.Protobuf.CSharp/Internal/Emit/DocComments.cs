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

    public void Write(CodeWriter writer, int[] path)
    {
        if (!_locations.TryGetValue(Key(path), out SourceCodeInfo.Types.Location? location))
        {
            return;
        }
        string comments = location.LeadingComments.Length != 0 ? location.LeadingComments : location.TrailingComments;
        if (comments.Length == 0)
        {
            return;
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
    }

    private static string Key(IEnumerable<int> path) => string.Join(",", path.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
