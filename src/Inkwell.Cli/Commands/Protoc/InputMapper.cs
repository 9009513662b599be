namespace Inkwell.Cli.Commands.Protoc;

/// <summary>Maps an input path to its import name under the import roots, as protoc does.</summary>
internal static class InputMapper
{
    /// <summary>
    /// The import name of <paramref name="input"/>, or null with protoc's message in <paramref name="error"/>.
    /// <paramref name="inDescriptorSet"/> (<c>--descriptor_set_in</c>) tells whether a name is a precompiled file's: protoc
    /// then takes an input it cannot find or map on disk as that name.
    /// </summary>
    public static string? ToImportName(string input, IReadOnlyList<string> roots, Func<string, bool>? inDescriptorSet, out string? error)
    {
        error = null;
        bool precompiled = inDescriptorSet?.Invoke(input) == true;
        string normalized = Normalize(input);
        if (File.Exists(input))
        {
            for (int index = 0; index < roots.Count; index++)
            {
                string r = Normalize(roots[index]);
                string? name = r == "." ? normalized
                    : normalized.StartsWith(r + "/", StringComparison.Ordinal) ? normalized.Substring(r.Length + 1) : null;
                if (name is null || !IsImportName(name))
                {
                    continue;
                }

                // protoc compiles the first file of that name on the path: an earlier root's file would win.
                for (int earlier = 0; earlier < index; earlier++)
                {
                    if (File.Exists(Path.Combine(roots[earlier], name)))
                    {
                        string shadow = Normalize(roots[earlier]) is "." ? name : Normalize(roots[earlier]) + "/" + name;
                        error = $"{input}: Input is shadowed in the --proto_path by \"{shadow}\".  Either use the latter file as your input or reorder the --proto_path so that the former file's location comes first.";
                        return null;
                    }
                }

                return name;
            }

            if (precompiled || (IsImportName(normalized) && roots.Any(root => File.Exists(Path.Combine(root, input)))))
            {
                return precompiled ? input : normalized;
            }

            error = $"{input}: File does not reside within any path specified using --proto_path (or -I).  You must specify a --proto_path which encompasses this file.  Note that the proto_path must be an exact prefix of the .proto file names -- protoc is too dumb to figure out when two paths (e.g. absolute and relative) are equivalent (it's harder than you think).";
            return null;
        }

        foreach (string root in roots)
        {
            if (IsImportName(normalized) && File.Exists(Path.Combine(root, input)))
            {
                return normalized;
            }
        }

        if (precompiled)
        {
            return input;
        }

        error = $"Could not make proto path relative: {input}: No such file or directory";
        return null;
    }

    /// <summary>Whether <paramref name="name"/> can be a name under an import root: protoc's mapping refuses a
    /// remainder that climbs out of the root (a <c>..</c> component) or is absolute, so <c>-I. -I.. ../a.proto</c> is
    /// <c>a.proto</c> through the second root, not <c>../a.proto</c> through the first.</summary>
    private static bool IsImportName(string name) =>
        !name.StartsWith('/') && name != ".." && !name.StartsWith("../", StringComparison.Ordinal)
        && !name.EndsWith("/..", StringComparison.Ordinal) && !name.Contains("/../", StringComparison.Ordinal);

    private static string Normalize(string path)
    {
        string p = path.Replace('\\', '/');
        while (p.StartsWith("./", StringComparison.Ordinal))
        {
            p = p.Substring(2);
        }

        p = p.Replace("/./", "/");
        while (p.Contains("//", StringComparison.Ordinal))
        {
            p = p.Replace("//", "/");
        }

        return p.Length > 1 ? p.TrimEnd('/') : p;
    }
}
