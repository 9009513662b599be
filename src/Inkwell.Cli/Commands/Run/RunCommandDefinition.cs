using System.CommandLine;

namespace Inkwell.Cli.Commands.Run;

/// <summary><c>inkwell run [PATH] [--project FILE] [--entry TYPE] [--poll[=MS]] [--debounce MS] [--reference PATH]… [--verbose]</c>: runs a
/// C# project, or a folder of C# files, as a program and reloads what changes while it runs.</summary>
internal static class RunCommandDefinition
{
    public const int DefaultPollMilliseconds = 250;

    public static readonly Argument<string> Path = new("PATH")
    {
        Description = "A C# project file, a folder holding one, or a folder of .cs files without a project (subfolders included; bin, obj and hidden folders skipped). Default: the current folder.",
        Arity = ArgumentArity.ZeroOrOne,
        DefaultValueFactory = _ => ".",
    };

    public static readonly Option<string?> Project = new("--project", "-p")
    {
        Description = "The project file to run when the folder holds several.",
        HelpName = "FILE",
    };

    public static readonly Option<string?> Entry = new("--entry", "-e")
    {
        Description = "The type holding the entry point, when more than one module has a Main or RunAsync.",
        HelpName = "TYPE",
    };

    public static readonly Option<int?> Poll = new("--poll")
    {
        Description = $"Look for changes by polling every MS milliseconds (default {DefaultPollMilliseconds}) instead of file-system events.",
        HelpName = "MS",
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = result =>
        {
            if (result.Tokens.Count == 0)
            {
                return DefaultPollMilliseconds;
            }

            if (int.TryParse(result.Tokens[0].Value, out int milliseconds) && milliseconds > 0)
            {
                return milliseconds;
            }

            result.AddError($"--poll takes a positive number of milliseconds, not '{result.Tokens[0].Value}'.");
            return null;
        },
    };

    public static readonly Option<int> Debounce = new("--debounce")
    {
        Description = "How long (ms) the files must stay quiet before a compile error or a deleted or emptied file counts, so an editor's save caught half-way is not reported (other changes apply at once). Default 50.",
        HelpName = "MS",
        DefaultValueFactory = _ => 50,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<int>() < 0)
                {
                    result.AddError("--debounce takes a number of milliseconds, 0 or more.");
                }
            },
        },
    };

    public static readonly Option<FileInfo[]> Reference = new("--reference", "-r")
    {
        Description = "An assembly the modules may use (repeatable). The BCL and Inkwell.Reload are always there.",
        HelpName = "PATH",
    };

    public static readonly Option<bool> Verbose = new("--verbose", "-v")
    {
        Description = "Log what the reload host does (graph, state carried over, unloads) to stderr.",
    };

    public static Command Create()
    {
        var command = new Command("run", "Run a C# project or a folder of C# files, reloading each edited module and everything that uses it while the program runs.")
        {
            Path,
            Project,
            Entry,
            Poll,
            Debounce,
            Reference,
            Verbose,
        };
        command.SetAction(RunCommandAction.RunAsync);
        return command;
    }
}
