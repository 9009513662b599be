using Google.Protobuf;
using Google.Protobuf.Compiler;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary><c>--NAME_out</c> for a plugin: runs it and files its response into the output folder, as protoc does.</summary>
internal static class PluginOutput
{
    /// <summary>Runs the plugin of <paramref name="directive"/>; false after printing protoc's messages.</summary>
    public static async Task<bool> RunAsync(
        OutputDirective directive, ProtocArguments arguments, CompilationResult result, OutputFolder folder, TextWriter error, CancellationToken cancellationToken)
    {
        byte[] request = PluginRequest.Build(result, arguments.ParameterOf(directive));
        byte[]? output = await PluginProcess.RunAsync(directive, arguments.Plugins.GetValueOrDefault(directive.PluginName), request, error, cancellationToken).ConfigureAwait(false);
        if (output is null)
        {
            return false;
        }

        CodeGeneratorResponse response;
        try
        {
            response = CodeGeneratorResponse.Parser.ParseFrom(output);
        }
        catch (InvalidProtocolBufferException)
        {
            await error.WriteLineAsync($"{directive.Flag}: {directive.PluginName}: Plugin output is unparseable: {PluginProcess.CEscape(output)}").ConfigureAwait(false);
            return false;
        }

        // A file the folder refuses (written twice, a missing insertion point) fails the run only when the folder is
        // written (OutputFolder.HadError), as with protoc.
        AddFiles(directive, response, folder, error, out string? chunkError);
        if (chunkError is not null)
        {
            await error.WriteLineAsync($"{directive.Flag}: {chunkError}").ConfigureAwait(false);
            return false;
        }

        List<FileDescriptorProto> inputs = [.. result.Files.Select(file => FileDescriptorProto.Parser.ParseFrom(file.DescriptorBytes))];
        bool supported = CheckProto3Optional(directive, response, inputs, error);
        supported &= arguments.ExperimentalEditions || CheckEditions(directive, response, inputs, error);
        if (!supported || response.Error.Length > 0)
        {
            await error.WriteLineAsync($"{directive.Flag}: {response.Error}").ConfigureAwait(false);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Files the response's chunks: a name starts a file, an insertion point inserts into an earlier one, a chunk
    /// without either continues the previous one. Each file is committed when the next chunk starts (protoc's order).
    /// </summary>
    private static void AddFiles(OutputDirective directive, CodeGeneratorResponse response, OutputFolder folder, TextWriter error, out string? chunkError)
    {
        chunkError = null;
        (string Name, string Point, System.Text.StringBuilder Content)? current = null;
        foreach (CodeGeneratorResponse.Types.File file in response.File)
        {
            if (file.InsertionPoint.Length > 0 || file.Name.Length > 0)
            {
                Commit();
                current = (file.Name, file.InsertionPoint, new System.Text.StringBuilder());
            }
            else if (current is null)
            {
                chunkError = $"{directive.PluginName}: First file chunk returned by plugin did not specify a file name.";
                return;
            }

            current.Value.Content.Append(file.Content);
        }

        Commit();

        bool Commit() => current is not { } chunk
            || (chunk.Point.Length > 0 ? folder.Insert(chunk.Name, chunk.Point, chunk.Content.ToString(), error) : folder.Add(chunk.Name, chunk.Content.ToString(), error));
    }

    private static bool CheckProto3Optional(OutputDirective directive, CodeGeneratorResponse response, List<FileDescriptorProto> inputs, TextWriter error)
    {
        if ((response.SupportedFeatures & (ulong)CodeGeneratorResponse.Types.Feature.Proto3Optional) != 0)
        {
            return true;
        }

        bool supported = true;
        foreach (FileDescriptorProto file in inputs.Where(HasProto3Optional))
        {
            error.WriteLine($"{file.Name}: is a proto3 file that contains optional fields, but code generator {directive.PluginName} hasn't been updated to support optional fields in proto3. Please ask the owner of this code generator to support proto3 optional.");
            supported = false;
        }

        return supported;
    }

    /// <summary>protoc's editions checks; its messages end without a line break (the flag's line follows on the same line).</summary>
    private static bool CheckEditions(OutputDirective directive, CodeGeneratorResponse response, List<FileDescriptorProto> inputs, TextWriter error)
    {
        foreach (FileDescriptorProto file in inputs)
        {
            // protoc does not hold its own files (and upb's) to a plugin's editions support.
            if (file.Syntax != "editions" || file.Name.StartsWith("google/protobuf/", StringComparison.Ordinal) || file.Name.StartsWith("upb/", StringComparison.Ordinal))
            {
                continue;
            }

            int edition = (int)file.Edition;
            if ((response.SupportedFeatures & (ulong)CodeGeneratorResponse.Types.Feature.SupportsEditions) == 0)
            {
                error.Write($"{file.Name}: is an editions file, but code generator {directive.PluginName} hasn't been updated to support editions yet.  Please ask the owner of this code generator to add support or switch back to proto2/proto3.\n\nSee https://protobuf.dev/editions/overview/ for more information.");
                return false;
            }

            if (edition < response.MinimumEdition)
            {
                error.Write($"{file.Name}: is a file using edition {EditionName(edition)}, which isn't supported by code generator {directive.PluginName}.  Please upgrade your file to at least edition {EditionName(response.MinimumEdition)}.");
                return false;
            }

            if (edition > response.MaximumEdition)
            {
                error.Write($"{file.Name}: is a file using edition {EditionName(edition)}, which isn't supported by code generator {directive.PluginName}.  Please ask the owner of this code generator to add support or switch back to a maximum of edition {EditionName(response.MaximumEdition)}.");
                return false;
            }
        }

        return true;
    }

    private static string EditionName(int edition) => Inkwell.Internal.EditionNames.Name((Google.Protobuf.Reflection.Edition)edition);

    private static bool HasProto3Optional(FileDescriptorProto file) =>
        file.Extension.Any(f => f.Proto3Optional) || file.MessageType.Any(HasProto3Optional);

    private static bool HasProto3Optional(DescriptorProto message) =>
        message.Field.Any(f => f.Proto3Optional) || message.Extension.Any(f => f.Proto3Optional) || message.NestedType.Any(HasProto3Optional);
}
