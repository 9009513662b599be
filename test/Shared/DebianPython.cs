using System.Diagnostics;

namespace Inkwell.Testing;

/// <summary>
/// Debian's <c>python3-protobuf</c>, which belongs to /usr/bin/python3 (not to a pyenv python3 that may come first on
/// PATH), running <c>zoo_interop.py</c> from the test output (both files are linked from test/Shared into the test
/// projects that exchange bytes with it). CI installs the package (.ci/packages.txt); elsewhere the tests skip and say
/// what to install.
/// </summary>
internal static class DebianPython
{
    private const string Python = "/usr/bin/python3";

    private static readonly Lazy<string?> s_missing = new(FindMissing);

    private static string Script => Path.Combine(AppContext.BaseDirectory, "Shared", "zoo_interop.py");

    /// <summary>Skips the test when /usr/bin/python3 or its protobuf module is missing.</summary>
    public static void Require()
    {
        if (s_missing.Value is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>The message in <paramref name="file"/>, one line per level: <c>zoo.Animal:weight=2.5</c>, <c>zoo.Cat:declawed=true</c>, ….</summary>
    public static string[] Read(string descriptorSet, string encoding, string messageType, string file) =>
        RunScript(descriptorSet, encoding, "read", messageType, file).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Builds the message <paramref name="levels"/> describes (the lines <see cref="Read"/> prints) with Python's API and returns its bytes.</summary>
    public static byte[] Write(string descriptorSet, string encoding, IEnumerable<string> levels, string file)
    {
        RunScript(descriptorSet, encoding, "write", file, string.Join('/', levels));
        return File.ReadAllBytes(file);
    }

    /// <summary>
    /// The elements of the repeated <paramref name="field"/> of the <paramref name="containerType"/> in <paramref name="file"/>,
    /// one per line, each its levels joined by <c>/</c>: <c>zoo.Animal:weight=30/zoo.Dog:bones_buried=3</c>.
    /// </summary>
    public static string[] ReadList(string descriptorSet, string encoding, string containerType, string field, string file) =>
        RunScript(descriptorSet, encoding, "read-list", containerType, field, file).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Builds a <paramref name="containerType"/> whose repeated <paramref name="field"/> holds the <paramref name="elements"/> (as <see cref="ReadList"/> prints them) and returns its bytes.</summary>
    public static byte[] WriteList(string descriptorSet, string encoding, string containerType, string field, IEnumerable<string> elements, string file)
    {
        RunScript([descriptorSet, encoding, "write-list", containerType, field, file, .. elements]);
        return File.ReadAllBytes(file);
    }

    private static string RunScript(params string[] args)
    {
        (int exitCode, string output, string error) = Run([Script, .. args]);
        Assert.True(exitCode == 0, $"zoo_interop.py {string.Join(' ', args)} failed:\n{error}");
        return output;
    }

    private static (int ExitCode, string Output, string Error) Run(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // The user's PYTHONPATH could shadow Debian's module with another protobuf.
        info.Environment.Remove("PYTHONPATH");
        info.Environment.Remove("PYTHONHOME");
        using Process process = Process.Start(info)!;
        Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }

    private static string? FindMissing()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Python))
        {
            return $"{Python} was not found: these tests use Debian's python3-protobuf (apt-get install python3-protobuf).";
        }

        (int exitCode, _, string error) = Run(["-c", "import google.protobuf.message_factory"]);
        return exitCode == 0
            ? null
            : $"Debian's python3-protobuf is not installed for {Python} (apt-get install python3-protobuf): {error.Trim()}";
    }
}
