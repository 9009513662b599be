using Inkwell.Cli;

StartupTrace.Mark("main");
// Ctrl-C and SIGTERM become a request to stop, the same for every command (see TerminationSignals).
using var signals = new TerminationSignals();
StartupTrace.Mark("signals");
return await InkwellCommand.RunAsync(args, Console.Out, Console.Error, signals.Token).ConfigureAwait(false);
