using System.CommandLine;

namespace Inkwell.Cli;

/// <summary>The root of the <c>inkwell</c> command: its subcommands and how it is invoked.</summary>
internal static class InkwellCommand
{
    /// <summary>Builds the command tree. Each library adds its subcommand here when it has one.</summary>
    public static RootCommand Create()
    {
        var root = new RootCommand(
            "Inkwell: a protobuf compiler with message inheritance, live C# module reloading, and DNS-SD for .NET.");
        root.Subcommands.Add(Commands.DnsSd.DnsSdCommandDefinition.Create());
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return Create().Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
