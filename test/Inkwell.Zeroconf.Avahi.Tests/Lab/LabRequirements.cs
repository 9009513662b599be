namespace Inkwell.Zeroconf.Avahi.Tests.Lab;

/// <summary>Whether this machine can run the lab: root (to create network namespaces) and the programs it drives.</summary>
internal static class LabRequirements
{
    private static readonly string[] s_programs =
    [
        "ip", "unshare", "mount", "dbus-daemon", "avahi-daemon", "avahi-browse", "avahi-publish",
    ];

    private static readonly Lazy<string?> s_missing = new(Check);

    /// <summary>Why the lab cannot run here, or null when it can.</summary>
    public static string? Missing => s_missing.Value;

    /// <summary>Skips the calling test with a clear reason when the lab cannot run here.</summary>
    public static void SkipIfMissing()
    {
        if (Missing is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Skips the calling test when there is no dbus-daemon to run a private bus.</summary>
    public static void SkipIfNoBus()
    {
        if (Find("dbus-daemon") is null)
        {
            Assert.Skip("The test needs dbus-daemon for a private bus (Debian: apt-get install dbus).");
        }
    }

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

    private static string? Check()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "The Avahi lab needs Linux network namespaces.";
        }
        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("USER") != "root" && !IsUidZero())
        {
            return "The Avahi lab needs root to create network namespaces (ip netns add); run the tests as root, as CI does.";
        }
        string[] missing = s_programs.Where(p => Find(p) is null).ToArray();
        return missing.Length == 0
            ? null
            : $"The Avahi lab needs {string.Join(", ", missing)} (Debian: apt-get install iproute2 util-linux mount dbus avahi-daemon avahi-utils).";
    }

    private static bool IsUidZero()
    {
        try
        {
            return File.ReadLines("/proc/self/status").Any(l => l.StartsWith("Uid:", StringComparison.Ordinal) && l.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1] == "0");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
