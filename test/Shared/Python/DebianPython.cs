using System.Collections.Concurrent;
using System.Diagnostics;

namespace Inkwell.Testing;

/// <summary>
/// Debian's <c>/usr/bin/python3</c> and the Debian packages that belong to it (python3-protobuf, python3-zeroconf):
/// not a pyenv or venv python3 that may come first on PATH. It always runs isolated (<c>-I</c>: no PYTHON* variables, no
/// user site-packages, no script directory on the path), so a user's PYTHONPATH cannot shadow Debian's modules with
/// others, whether started here or inside a lab host. CI installs the packages (.ci/packages.txt); elsewhere the tests
/// skip and say what to install.
/// </summary>
internal static partial class DebianPython
{
    /// <summary>The interpreter the Debian packages belong to.</summary>
    public const string Interpreter = "/usr/bin/python3";

    private static readonly ConcurrentDictionary<string, string?> s_missing = new(StringComparer.Ordinal);

    /// <summary>The interpreter's arguments for <paramref name="args"/> (a script and its arguments, or <c>-c CODE …</c>): isolated.</summary>
    public static string[] Arguments(IEnumerable<string> args) => ["-I", .. args];

    /// <summary>Skips the test when /usr/bin/python3 or <paramref name="module"/> (from Debian's <paramref name="package"/>) is missing.</summary>
    public static void Require(string module, string package)
    {
        if (Missing(module, package) is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Why <paramref name="module"/> cannot be imported by /usr/bin/python3 (null when it can); asked once per module.</summary>
    public static string? Missing(string module, string package) => s_missing.GetOrAdd(module, _ =>
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(Interpreter))
        {
            return $"{Interpreter} was not found: these tests use Debian's {package} (apt-get install {package}; CI installs it from .ci/packages.txt).";
        }
        (int exitCode, _, string error) = Run(["-c", "import " + module]);
        return exitCode == 0
            ? null
            : $"Debian's {package} is not installed for {Interpreter} (apt-get install {package}; CI installs it from .ci/packages.txt): {error.Trim()}";
    });

    /// <summary>Runs the interpreter (isolated) to its end: exit status and both output streams.</summary>
    public static (int ExitCode, string Output, string Error) Run(IEnumerable<string> args)
    {
        var info = new ProcessStartInfo(Interpreter) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in Arguments(args))
        {
            info.ArgumentList.Add(arg);
        }
        using Process process = Process.Start(info)!;
        Task<string> error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.GetAwaiter().GetResult());
    }
}
