using Inkwell.Protobuf.CSharp.Internal;
namespace Inkwell.Protobuf.CSharp;

/// <summary>
/// The options of grpc_csharp_plugin (<c>--grpc_opt</c>), which decide what
/// <see cref="CSharpGenerator.GenerateServices(System.Collections.Generic.IEnumerable{Google.Protobuf.Reflection.FileDescriptorProto}, System.Collections.Generic.IEnumerable{string}, GrpcGeneratorOptions?)"/>
/// writes and where. The defaults are the plugin's: client and server, public, <c>FooGrpc.cs</c> written flat.
/// </summary>
public sealed record GrpcGeneratorOptions
{
    /// <summary>Write the <c>XClient</c> class (off with <c>no_client</c>).</summary>
    public bool GenerateClient { get; init; } = true;

    /// <summary>Write the <c>XBase</c> class and the <c>BindService</c> methods (off with <c>no_server</c>).</summary>
    public bool GenerateServer { get; init; } = true;

    /// <summary>Make the static service class <c>internal</c> instead of <c>public</c> (<c>internal_access</c>).</summary>
    public bool InternalAccess { get; init; }

    /// <summary>
    /// What follows the name derived from the .proto file's (<c>file_suffix</c>); default <c>Grpc.cs</c>, so
    /// <c>greet.proto</c> gives <c>GreetGrpc.cs</c>.
    /// </summary>
    public string FileSuffix { get; init; } = "Grpc.cs";

    /// <summary>
    /// When set (<c>base_namespace</c>), files go into folders that follow their namespace below this one, as
    /// with <see cref="CSharpGeneratorOptions.BaseNamespace"/>, and their names are built as the messages' files
    /// are (<c>foo2bar.proto</c> gives <c>Foo2BarGrpc.cs</c> instead of <c>Foo2barGrpc.cs</c>: the plugin's own rule).
    /// When null, all files are written flat.
    /// </summary>
    public string? BaseNamespace { get; init; }

    /// <summary>
    /// Parses grpc_csharp_plugin's option text: comma-separated <c>name</c> or <c>name=value</c> entries, e.g.
    /// <c>no_client,internal_access,file_suffix=.grpc.cs</c>. A later entry overrides an earlier one.
    /// </summary>
    /// <exception cref="CSharpGenerationException">An option is unknown.</exception>
    public static GrpcGeneratorOptions Parse(string? text)
    {
        var options = new GrpcGeneratorOptions();
        foreach ((string name, string value) in GeneratorParameter.Entries(text))
        {
            options = name switch
            {
                "no_client" => options with { GenerateClient = false },
                "no_server" => options with { GenerateServer = false },
                "internal_access" => options with { InternalAccess = true },
                "file_suffix" => options with { FileSuffix = value },
                "base_namespace" => options with { BaseNamespace = value },
                _ => throw new CSharpGenerationException($"Unknown generator option: {name}"),
            };
        }
        return options;
    }
}
