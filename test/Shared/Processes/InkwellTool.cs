namespace Inkwell.Testing;

/// <summary>The <c>inkwell</c> command built next to the tests (<c>inkwell.dll</c>), run through the dotnet host.</summary>
internal static class InkwellTool
{
    /// <summary>The dotnet host running the tests (the SDK sets DOTNET_HOST_PATH), or <c>dotnet</c> from PATH.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>The built CLI; the test project references Inkwell.Cli, which copies it next to the tests.</summary>
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "inkwell.dll");

    /// <summary>
    /// A system bus address where no bus is: with the default <c>--backend auto</c> a machine's own avahi-daemon would
    /// otherwise do the work and announce a test's services on the machine's real interfaces.
    /// </summary>
    public const string NoSystemBus = "unix:path=/nonexistent/inkwell-test-no-system-bus";

    /// <summary>The dotnet host's arguments for running inkwell with <paramref name="arguments"/>.</summary>
    public static string[] Arguments(IEnumerable<string> arguments) => [Dll, .. arguments];

    /// <summary>Runs inkwell to its end (see <see cref="ProcessRun.Run"/>); the system bus is pointed nowhere unless <paramref name="environment"/> names one.</summary>
    public static ProcessResult Run(
        IEnumerable<string> arguments, string? workingDirectory = null, string? inputFile = null, IReadOnlyDictionary<string, string>? environment = null) =>
        ProcessRun.Run(Dotnet, Arguments(arguments), workingDirectory, WithoutSystemBus(environment), inputFile: inputFile);

    /// <summary><see cref="Run"/> for a binary standard output (<c>inkwell protoc --encode</c>).</summary>
    public static (int ExitCode, byte[] Output, string Error) RunForBytes(IEnumerable<string> arguments, string? workingDirectory = null, string? inputFile = null) =>
        ProcessRun.RunForBytes(Dotnet, Arguments(arguments), workingDirectory, WithoutSystemBus(null), inputFile);

    /// <summary>Runs inkwell to its end, failing after <paramref name="timeout"/> (default 60 s); the system bus is pointed nowhere unless <paramref name="environment"/> names one.</summary>
    public static Task<ProcessResult> RunAsync(
        IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        ProcessRun.RunAsync(Dotnet, Arguments(arguments), WithoutSystemBus(environment), timeout, cancellationToken);

    /// <summary>Starts inkwell and collects its output (see <see cref="TestProcess"/>); the system bus is pointed nowhere unless <paramref name="environment"/> names one.</summary>
    public static TestProcess Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, string? workingDirectory = null) =>
        TestProcess.Start(Dotnet, Arguments(arguments), WithoutSystemBus(environment), workingDirectory);

    private static Dictionary<string, string> WithoutSystemBus(IReadOnlyDictionary<string, string>? environment)
    {
        var all = new Dictionary<string, string> { ["DBUS_SYSTEM_BUS_ADDRESS"] = NoSystemBus, ["DOTNET_NOLOGO"] = "1" };
        foreach ((string key, string value) in environment ?? new Dictionary<string, string>())
        {
            all[key] = value;
        }
        return all;
    }
}
