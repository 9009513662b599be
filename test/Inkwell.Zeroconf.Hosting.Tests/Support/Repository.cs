namespace Inkwell.Zeroconf.Hosting.Tests.Support;

/// <summary>Where the repository's projects are, from the test's output folder (…/bin/Configuration/Framework/).</summary>
internal static class Repository
{
    private static DirectoryInfo Output => new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    /// <summary>The build configuration the tests run in ("Release").</summary>
    public static string Configuration => Output.Parent!.Name;

    /// <summary>The target framework folder ("net10.0").</summary>
    public static string Framework => Output.Name;

    /// <summary>The folder holding Inkwell.slnx.</summary>
    public static string Root
    {
        get
        {
            DirectoryInfo? root = Output;
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Inkwell.slnx")))
            {
                root = root.Parent;
            }
            return root?.FullName ?? throw new InvalidOperationException("Inkwell.slnx not found above " + Output.FullName);
        }
    }
}
