namespace Inkwell.Testing.Lab;

/// <summary>Whether this machine can build a <see cref="NetnsLab"/> and run the programs a test needs in it.</summary>
internal static class LabRequirements
{
    private static readonly Lazy<string?> s_namespaces = new(CheckNamespaces);

    /// <summary>Why network namespaces cannot be created here (Linux, root, iproute2), or null when they can.</summary>
    public static string? NamespacesMissing => s_namespaces.Value;

    /// <summary>Skips the calling test when network namespaces cannot be created here.</summary>
    public static void SkipIfNoNamespaces()
    {
        if (NamespacesMissing is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>
    /// Skips the calling test when one of <paramref name="programs"/> is not installed, naming the Debian packages
    /// (<paramref name="packages"/>) that bring them; CI installs them from <c>.ci/packages.txt</c>.
    /// </summary>
    public static void SkipIfMissing(string packages, params string[] programs)
    {
        string[] missing = [.. programs.Where(p => Find(p) is null)];
        if (missing.Length > 0)
        {
            Assert.Skip($"The test needs {string.Join(", ", missing)} (Debian: apt-get install {packages}; CI installs them from .ci/packages.txt).");
        }
    }

    /// <summary>Skips the calling test unless avahi-daemon, its client tools and dbus-daemon are installed (besides namespaces).</summary>
    public static void SkipIfNoAvahi()
    {
        SkipIfNoNamespaces();
        SkipIfMissing("util-linux mount dbus avahi-daemon avahi-utils", "unshare", "mount", "dbus-daemon", "avahi-daemon", "avahi-browse", "avahi-publish");
    }

    /// <summary>The full path of <paramref name="program"/> on PATH or in the system directories, or null.</summary>
    public static string? Find(string program)
    {
        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]))
        {
            string candidate = Path.Combine(directory, program);
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    private static string? CheckNamespaces()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "Network namespaces need Linux.";
        }
        if (!IsRoot())
        {
            return "Creating network namespaces needs root (CI runs as root); skipped so no test traffic reaches a real interface.";
        }
        return Find("ip") is null ? "iproute2's 'ip' is not installed (apt-get install iproute2)." : null;
    }

    /// <summary>The effective user id is 0, read from /proc (no native interop needed).</summary>
    private static bool IsRoot()
    {
        try
        {
            return File.ReadLines("/proc/self/status")
                .Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
