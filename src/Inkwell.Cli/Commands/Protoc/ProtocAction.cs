using Inkwell.Protobuf;
using Inkwell.Protobuf.CSharp;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>Runs a compilation from protoc's flags and writes the descriptor set; errors go to stderr as protoc prints them.</summary>
internal static class ProtocAction
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ProtocArguments? arguments = ProtocArguments.Parse(args, out string? argumentError);
        if (arguments is null)
        {
            await error.WriteLineAsync(argumentError).ConfigureAwait(false);
            return 1;
        }

        if (arguments.ShowVersion)
        {
            // Scripts parse "libprotoc X.Y" to learn what the compiler understands: Inkwell compiles what protoc 35.1
            // compiles, byte for byte, so it answers as that protoc (docs/cli.md).
            await output.WriteLineAsync(ProtocVersion.Line).ConfigureAwait(false);
            return 0;
        }

        foreach (string warning in arguments.Warnings)
        {
            await error.WriteLineAsync(warning).ConfigureAwait(false);
        }

        if (arguments.DecodeRaw)
        {
            return await RunDecodeRawAsync(output, error, cancellationToken).ConfigureAwait(false);
        }

        DescriptorSetResolver? sets = null;
        if (arguments.DescriptorSetIn.Count > 0)
        {
            List<Google.Protobuf.Reflection.FileDescriptorProto>? precompiled = await DescriptorSetInput.ReadAsync(arguments.DescriptorSetIn, error, cancellationToken).ConfigureAwait(false);
            if (precompiled is null)
            {
                return 1;
            }

            // As protoc: without -I the sets alone are searched (no default "."), and every input must be in one.
            sets = new DescriptorSetResolver(precompiled, arguments.ImportPaths.Count > 0 ? new FileSystemResolver(arguments.ImportPaths) : null);
            if (arguments.ImportPaths.Count == 0 && arguments.Inputs.FirstOrDefault(input => !sets.Contains(input)) is { } missing)
            {
                await error.WriteLineAsync($"Could not find file in descriptor database: {missing}: No such file or directory").ConfigureAwait(false);
                return 1;
            }
        }

        List<string> roots = arguments.ImportPaths.Count > 0 || sets is not null ? arguments.ImportPaths : ["."];
        var names = new List<string>();
        foreach (string input in arguments.Inputs)
        {
            string? mappingError = null;
            string? name = sets is not null && roots.Count == 0 ? input : InputMapper.ToImportName(input, roots, sets is null ? null : sets.Contains, out mappingError);
            if (name is null)
            {
                await error.WriteLineAsync(mappingError).ConfigureAwait(false);
                return 1;
            }

            names.Add(name);
        }

        if (names.Count == 0 && sets is not null && arguments.MessageType is not null)
        {
            // protoc looks the type up in the sets alone: compile the file that declares it.
            if (sets.FindFileDeclaring(arguments.MessageType) is not { } declaring)
            {
                await error.WriteLineAsync($"Type not defined: {arguments.MessageType}").ConfigureAwait(false);
                return 1;
            }

            names.Add(declaring);
        }

        // Source info (spans and comments) costs time and memory: record it only for what uses it.
        var options = new ProtoCompilerOptions { SourceInfo = arguments.IncludeSourceInfo || arguments.Outputs.Any(o => o.Name != "proto") };
        CompilationResult result = ProtoCompiler.Compile(names, sets ?? (IProtoFileResolver)new FileSystemResolver(roots), options, cancellationToken);
        foreach (Diagnostic diagnostic in result.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.Format(arguments.ErrorFormat)).ConfigureAwait(false);
        }

        if (!result.Success)
        {
            return 1;
        }

        if (arguments.Decode is not null)
        {
            return await RunDecodeAsync(arguments.Decode, result, output, error, cancellationToken).ConfigureAwait(false);
        }

        if (arguments.Encode is not null)
        {
            return await RunEncodeAsync(arguments, result, error, cancellationToken).ConfigureAwait(false);
        }

        if (arguments.PrintFreeFieldNumbers)
        {
            await output.WriteAsync(FreeFieldNumbers.Format(result.Files.Select(file => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(file.DescriptorBytes)))).ConfigureAwait(false);
            return 0;
        }

        // Every generator runs in memory first, in command-line order, and the first to fail ends the run with nothing
        // written, as with protoc. Files wait per output folder, where a plugin can insert into earlier generators' files.
        var folders = new Dictionary<string, OutputFolder>(StringComparer.Ordinal);
        var protoOutputs = new List<(string Location, IReadOnlyList<ProtoOutput.File> Files)>();
        foreach (OutputDirective directive in arguments.Outputs)
        {
            if (!folders.TryGetValue(directive.Location, out OutputFolder? folder) && directive.Name != "proto")
            {
                folder = folders[directive.Location] = new OutputFolder(directive.Location, arguments.AllowOutDirEscape);
            }

            bool generated;
            switch (directive.Name)
            {
                case "proto":
                    IReadOnlyList<ProtoOutput.File>? protoFiles = await ProtoOutput.CollectAsync(result, new FileSystemResolver(roots), directive.Location, error).ConfigureAwait(false);
                    protoOutputs.Add((directive.Location, protoFiles ?? []));
                    generated = protoFiles is not null;
                    break;
                case "csharp":
                    generated = AddAll(await CSharpOutput.GenerateAsync(result, arguments.ParameterOf(directive), error).ConfigureAwait(false), folder!, error);
                    break;
                case "grpc" when arguments.IsBuiltIn(directive):
                    generated = AddAll(await GrpcOutput.GenerateAsync(result, arguments.ParameterOf(directive), error).ConfigureAwait(false), folder!, error);
                    break;
                default:
                    generated = await PluginOutput.RunAsync(directive, arguments, result, folder!, error, cancellationToken).ConfigureAwait(false);
                    break;
            }

            if (!generated)
            {
                return 1;
            }
        }

        if (folders.Values.Any(folder => folder.HadError))
        {
            return 1;
        }

        foreach (string location in folders.Values.Where(f => !f.IsArchive).Select(f => f.Location).Concat(protoOutputs.Select(p => p.Location).Where(l => l != "-")))
        {
            if (!Directory.Exists(location))
            {
                // protoc does not create the output root either; a typo should not scatter files. (protoc checks each
                // folder as it writes it, so it may have written another first: this checks all before writing any.)
                await error.WriteLineAsync($"{location}/: No such file or directory").ConfigureAwait(false);
                return 1;
            }
        }

        // protoc's order: the generated files, the dependency file, then the descriptor set.
        foreach (OutputFolder folder in folders.Values)
        {
            if (!await folder.WriteAsync(error, cancellationToken).ConfigureAwait(false))
            {
                return 1;
            }
        }

        foreach ((string location, IReadOnlyList<ProtoOutput.File> files) in protoOutputs)
        {
            if (!await ProtoOutput.WriteAsync(files, location, output, error, cancellationToken).ConfigureAwait(false))
            {
                return 1;
            }
        }

        if (arguments.DependencyOut is not null
            && !await DependencyOutput.WriteAsync(arguments.DependencyOut, folders.Values, arguments.DescriptorSetOut, result, roots, error, cancellationToken).ConfigureAwait(false))
        {
            return 1;
        }

        if (arguments.DescriptorSetOut is not null)
        {
            byte[] bytes = result.GetDescriptorSetBytes(arguments.IncludeImports, arguments.IncludeSourceInfo, arguments.RetainOptions);
            try
            {
                await File.WriteAllBytesAsync(arguments.DescriptorSetOut, bytes, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"{arguments.DescriptorSetOut}: {SystemErrorText.Of(e)}").ConfigureAwait(false);
                return 1;
            }
        }

        // protoc writes everything, then fails the run for a warning.
        return arguments.FatalWarnings && result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Warning) ? 1 : 0;
    }

    /// <summary><c>--decode=TYPE</c>: standard input's message of that type as text on standard output, as protoc prints it.</summary>
    private static async Task<int> RunDecodeAsync(string type, CompilationResult result, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var printer = new TextFormatPrinter(result.AllFiles.Select(file => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(file.DescriptorBytes)));
        if (!printer.HasMessageType(type))
        {
            await error.WriteLineAsync($"Type not defined: {type}").ConfigureAwait(false);
            return 1;
        }

        byte[] input = await ReadStandardInputAsync(cancellationToken).ConfigureAwait(false);
        if (!printer.TryPrint(type, input, out string text))
        {
            await error.WriteLineAsync("Failed to parse input.").ConfigureAwait(false);
            return 1;
        }

        await WarnOfMissingRequiredFieldsAsync(printer.FindMissingRequiredFields(type, input), error).ConfigureAwait(false);
        await output.WriteAsync(text).ConfigureAwait(false);
        return 0;
    }

    /// <summary><c>--encode=TYPE</c>: standard input's text-format message of that type written in binary to standard output, as protoc does.</summary>
    private static async Task<int> RunEncodeAsync(ProtocArguments arguments, CompilationResult result, TextWriter error, CancellationToken cancellationToken)
    {
        string type = arguments.Encode!;
        var files = result.AllFiles.Select(file => Google.Protobuf.Reflection.FileDescriptorProto.Parser.ParseFrom(file.DescriptorBytes)).ToList();
        var parser = new TextFormatParser(files);
        if (!parser.HasMessageType(type))
        {
            await error.WriteLineAsync($"Type not defined: {type}").ConfigureAwait(false);
            return 1;
        }

        // protoc's tokenizer reads bytes and counts columns in them; the lexer counts a character's UTF-8 bytes too.
        string text = System.Text.Encoding.UTF8.GetString(await ReadStandardInputAsync(cancellationToken).ConfigureAwait(false));
        TextFormatParseResult parsed = parser.Parse(type, text, arguments.DeterministicOutput);
        foreach (Diagnostic diagnostic in parsed.Diagnostics)
        {
            await error.WriteLineAsync(diagnostic.Format(arguments.ErrorFormat)).ConfigureAwait(false);
        }

        if (!parsed.Success)
        {
            await error.WriteLineAsync("Failed to parse input.").ConfigureAwait(false);
            return 1;
        }

        await WarnOfMissingRequiredFieldsAsync(parsed.MissingRequiredFields, error).ConfigureAwait(false);
        await using (Stream stdout = Console.OpenStandardOutput())
        {
            await stdout.WriteAsync(parsed.Message, cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    // protoc reads and writes partial messages, with this warning (two spaces after each colon, as protoc prints it).
    private static async Task WarnOfMissingRequiredFieldsAsync(IReadOnlyList<string> missing, TextWriter error)
    {
        if (missing.Count > 0)
        {
            await error.WriteLineAsync("warning:  Input message is missing required fields:  " + string.Join(", ", missing)).ConfigureAwait(false);
        }
    }

    private static async Task<byte[]> ReadStandardInputAsync(CancellationToken cancellationToken)
    {
        using var input = new MemoryStream();
        await using (Stream stdin = Console.OpenStandardInput())
        {
            await stdin.CopyToAsync(input, cancellationToken).ConfigureAwait(false);
        }

        return input.ToArray();
    }

    /// <summary>
    /// Files a built-in generator's output into its folder; false if the generator failed. A file the folder refuses
    /// fails the run only when the folder is written (<see cref="OutputFolder.HadError"/>), as with protoc.
    /// </summary>
    private static bool AddAll(IReadOnlyList<GeneratedFile>? files, OutputFolder folder, TextWriter error)
    {
        foreach (GeneratedFile file in files ?? [])
        {
            folder.Add(file.RelativePath, file.Content, error);
        }

        return files is not null;
    }

    /// <summary><c>--decode_raw</c>: standard input's message as text on standard output, with protoc's messages.</summary>
    private static async Task<int> RunDecodeRawAsync(TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!TextFormatPrinter.TryPrintRaw(await ReadStandardInputAsync(cancellationToken).ConfigureAwait(false), out string text))
        {
            await error.WriteLineAsync("Failed to parse input.").ConfigureAwait(false);
            return 1;
        }

        await output.WriteAsync(text).ConfigureAwait(false);
        return 0;
    }
}
