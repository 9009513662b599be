using Inkwell.Cli;

return await InkwellCommand.RunAsync(args, Console.Out, Console.Error).ConfigureAwait(false);
