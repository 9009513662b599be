using System.CommandLine;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>The <c>inkwell protoc</c> command: protoc's flags, parsed by <see cref="ProtocArguments"/>.</summary>
internal static class ProtocCommandDefinition
{
    public static Command Create()
    {
        var command = new Command("protoc", """
            Compile .proto files like protoc. Flags (as protoc's):
              -IPATH, --proto_path=PATH     an import root (repeatable; ':'-separated lists allowed)
              -oFILE, --descriptor_set_out=FILE   write a FileDescriptorSet
              --include_imports             include all dependencies in the set
              --include_source_info         keep comments and source spans in the set
              --retain_options              keep source-retention options in the set
              --proto_out=DIR               write the inputs as standard .proto (message inheritance
                                            lowered) into DIR, with what they import; '-' prints them
              --csharp_out=DIR              generate C# for the Google.Protobuf runtime into DIR
              --csharp_opt=OPTS             C# options: file_extension=, base_namespace=, internal_access,
                                            serializable, cache_sizes=false
              --grpc_out=DIR                generate gRPC service code into DIR, as grpc_csharp_plugin
                                            does (built in: no --plugin)
              --grpc_opt=OPTS               gRPC options: no_client, no_server, internal_access,
                                            file_suffix=, base_namespace=
              --plugin=[protoc-gen-NAME=]PATH   a protoc plugin to run for --NAME_out
              --NAME_out=[OPTS:]DIR         run protoc-gen-NAME (from --plugin, else PATH) into DIR
              --NAME_opt=OPTS               options for protoc-gen-NAME
              --fatal_warnings              exit 1 if there were warnings
              --decode_raw                  print standard input's message as raw tag/value text
              --print_free_field_numbers    print the field numbers each input message leaves free
              --dependency_out=FILE         write a make rule of the outputs and their sources
              --experimental_allow_proto3_optional, --experimental_editions   accepted, as protoc 35.1
              --version                     print the protoc version reproduced (libprotoc 35.1)
              --error_format=gcc|msvs       how to print errors
              @FILE                         read more arguments from FILE, one per line
            """)
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parseResult, cancellationToken) =>
            ProtocAction.RunAsync(parseResult.UnmatchedTokens, parseResult.InvocationConfiguration.Output, parseResult.InvocationConfiguration.Error, cancellationToken));
        return command;
    }
}
