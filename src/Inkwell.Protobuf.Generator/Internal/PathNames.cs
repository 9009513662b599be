using System.Text;

namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// Path arithmetic on strings only (a generator must not touch the file system): absolute paths with '/'
/// separators, "." and ".." folded, so the same file always has the same key.
/// </summary>
internal static class PathNames
{
    public static string Normalize(string path)
    {
        string slashed = path.Replace('\\', '/');
        bool rooted = slashed.StartsWith("/", StringComparison.Ordinal);
        string prefix = "";
        if (slashed.Length >= 2 && slashed[1] == ':')
        {
            prefix = slashed.Substring(0, 2);
            slashed = slashed.Substring(2);
            rooted = true;
        }
        else if (slashed.StartsWith("//", StringComparison.Ordinal))
        {
            prefix = "/";
        }

        var parts = new List<string>();
        foreach (string part in slashed.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        string joined = string.Join("/", parts);
        return prefix + (rooted ? "/" : "") + joined;
    }

    public static string Combine(string directory, string path)
    {
        string slashed = path.Replace('\\', '/');
        bool absolute = slashed.StartsWith("/", StringComparison.Ordinal) || (slashed.Length >= 2 && slashed[1] == ':');
        return Normalize(absolute ? slashed : directory + "/" + slashed);
    }

    public static string Directory(string fullPath)
    {
        int slash = fullPath.LastIndexOf('/');
        return slash <= 0 ? "/" : fullPath.Substring(0, slash);
    }

    public static string FileName(string fullPath) => fullPath.Substring(fullPath.LastIndexOf('/') + 1);

    public static bool IsUnder(string fullPath, string directory)
    {
        string withSlash = directory.EndsWith("/", StringComparison.Ordinal) ? directory : directory + "/";
        return fullPath.StartsWith(withSlash, StringComparison.Ordinal);
    }

    public static string Relative(string directory, string fullPath)
    {
        string withSlash = directory.EndsWith("/", StringComparison.Ordinal) ? directory : directory + "/";
        return fullPath.Substring(withSlash.Length);
    }

    /// <summary>
    /// A hint name for the file at <paramref name="relativePath"/>: folders become dots (compilers before
    /// Roslyn 4.x's newest reject '/' in hint names), anything outside [A-Za-z0-9._-] an underscore, plus
    /// ".g.cs". Callers make the result unique.
    /// </summary>
    public static string HintName(string relativePath)
    {
        var builder = new StringBuilder(relativePath.Length + 5);
        foreach (char c in relativePath)
        {
            builder.Append(c switch
            {
                '/' => '.',
                _ when char.IsLetterOrDigit(c) || c is '.' or '_' or '-' => c,
                _ => '_',
            });
        }

        return builder.Append(".g.cs").ToString();
    }
}
