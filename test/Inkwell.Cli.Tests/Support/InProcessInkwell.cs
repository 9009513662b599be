namespace Inkwell.Cli.Tests.Support;

/// <summary>Runs the <c>inkwell</c> command in the test process, capturing what it prints.</summary>
internal static class InProcessInkwell
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int exitCode = await InkwellCommand.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }
}
