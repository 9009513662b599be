using Inkwell.Cli;

// Ctrl-C and SIGTERM become a request to stop, the same for every command (see TerminationSignals).
using var signals = new TerminationSignals();
return await InkwellCommand.RunAsync(args, Console.Out, Console.Error, signals.Token).ConfigureAwait(false);
