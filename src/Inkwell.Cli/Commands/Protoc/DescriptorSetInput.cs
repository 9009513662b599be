using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary><c>--descriptor_set_in</c>: reads the precompiled FileDescriptorSets with protoc's checks and messages.</summary>
internal static class DescriptorSetInput
{
    /// <summary>Every file of every set, in order (a later file of a name already read is skipped by the resolver, as by protoc); null after printing protoc's error.</summary>
    public static async Task<List<FileDescriptorProto>?> ReadAsync(IReadOnlyList<string> paths, TextWriter error, CancellationToken cancellationToken)
    {
        var files = new List<FileDescriptorProto>();
        foreach (string path in paths)
        {
            byte[] bytes;
            try
            {
                bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // protoc says ENOENT whatever made open() fail.
                await error.WriteLineAsync($"{path}: No such file or directory").ConfigureAwait(false);
                return null;
            }

            try
            {
                files.AddRange(FileDescriptorSet.Parser.ParseFrom(bytes).File);
            }
            catch (InvalidProtocolBufferException)
            {
                await error.WriteLineAsync($"{path}: Unable to parse.").ConfigureAwait(false);
                return null;
            }
        }

        return files;
    }
}
