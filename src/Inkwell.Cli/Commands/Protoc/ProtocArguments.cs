using Inkwell.Protobuf;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>protoc's flags, parsed as protoc parses them (System.CommandLine cannot express -IDIR and @files exactly).</summary>
internal sealed class ProtocArguments
{
    public List<string> ImportPaths { get; } = [];

    public List<string> Inputs { get; } = [];

    public string? DescriptorSetOut { get; private set; }

    /// <summary>The folder <c>--proto_out</c> names (<c>-</c>: standard output) for the lowered standard .proto files.</summary>
    public string? ProtoOut { get; private set; }

    /// <summary>The folder <c>--csharp_out</c> names; options written before a colon (<c>--csharp_out=OPTS:DIR</c>) join <see cref="CSharpOptions"/>.</summary>
    public string? CSharpOut { get; private set; }

    /// <summary>The C# generator's options from <c>--csharp_opt</c> (and <c>--csharp_out=OPTS:DIR</c>), comma-joined as protoc joins them.</summary>
    public string? CSharpOptions { get; private set; }

    /// <summary>The folder <c>--grpc_out</c> names; options written before a colon (<c>--grpc_out=OPTS:DIR</c>) join <see cref="GrpcOptions"/>.</summary>
    public string? GrpcOut { get; private set; }

    /// <summary>grpc_csharp_plugin's options from <c>--grpc_opt</c> (and <c>--grpc_out=OPTS:DIR</c>), comma-joined as protoc joins them.</summary>
    public string? GrpcOptions { get; private set; }

    public bool IncludeImports { get; private set; }

    public bool IncludeSourceInfo { get; private set; }

    public ErrorFormat ErrorFormat { get; private set; } = ErrorFormat.Gcc;

    /// <summary><c>--version</c> was given: print protoc's version line and stop, as protoc does at that flag.</summary>
    public bool ShowVersion { get; private set; }

    /// <summary>Parses <paramref name="args"/>; returns null and sets <paramref name="error"/> on a bad flag.</summary>
    public static ProtocArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        var result = new ProtocArguments();
        var queue = new List<string>();
        foreach (string arg in args)
        {
            if (arg.StartsWith('@') && arg.Length > 1)
            {
                string path = arg.Substring(1);
                if (!File.Exists(path))
                {
                    error = $"Failed to open argument file: {path}";
                    return null;
                }

                queue.AddRange(File.ReadAllLines(path).Where(line => line.Length > 0));
            }
            else
            {
                queue.Add(arg);
            }
        }

        for (int i = 0; i < queue.Count; i++)
        {
            string arg = queue[i];
            if (!arg.StartsWith('-') || arg == "-")
            {
                result.Inputs.Add(arg);
                continue;
            }

            string name;
            string? value = null;
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                int equals = arg.IndexOf('=');
                name = equals < 0 ? arg : arg.Substring(0, equals);
                value = equals < 0 ? null : arg.Substring(equals + 1);
            }
            else
            {
                name = arg.Substring(0, 2);
                value = arg.Length > 2 ? arg.Substring(2) : null;
            }

            bool takesValue = name is "-I" or "--proto_path" or "-o" or "--descriptor_set_out" or "--error_format"
                or "--csharp_out" or "--csharp_opt" or "--proto_out" or "--grpc_out" or "--grpc_opt";
            if (takesValue && value is null)
            {
                if (i + 1 >= queue.Count || queue[i + 1].StartsWith('-') && queue[i + 1].Length > 1)
                {
                    error = $"Missing value for flag: {name}";
                    return null;
                }

                value = queue[++i];
            }

            // Like protoc, a flag that takes no value ignores one written with '=' (--include_imports=1 is accepted).

            switch (name)
            {
                case "-I" or "--proto_path":
                    result.ImportPaths.AddRange(value!.Split(':', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "-o" or "--descriptor_set_out":
                    if (result.DescriptorSetOut is not null)
                    {
                        error = $"{name} may only be passed once.";
                        return null;
                    }

                    result.DescriptorSetOut = value;
                    break;
                case "--csharp_out":
                    if (result.CSharpOut is not null)
                    {
                        error = $"{name} may only be passed once.";
                        return null;
                    }

                    (string? csharpOptions, result.CSharpOut) = SplitOptions(value!);
                    if (csharpOptions is not null)
                    {
                        result.CSharpOptions = Join(result.CSharpOptions, csharpOptions);
                    }

                    break;
                case "--grpc_out":
                    if (result.GrpcOut is not null)
                    {
                        error = $"{name} may only be passed once.";
                        return null;
                    }

                    (string? grpcOptions, result.GrpcOut) = SplitOptions(value!);
                    if (grpcOptions is not null)
                    {
                        result.GrpcOptions = Join(result.GrpcOptions, grpcOptions);
                    }

                    break;
                case "--grpc_opt":
                    result.GrpcOptions = Join(result.GrpcOptions, value!);
                    break;
                case "--proto_out":
                    if (result.ProtoOut is not null)
                    {
                        error = $"{name} may only be passed once.";
                        return null;
                    }

                    result.ProtoOut = value;
                    break;
                case "--csharp_opt":
                    result.CSharpOptions = Join(result.CSharpOptions, value!);
                    break;
                case "--version":
                    // protoc prints its version as soon as it reaches the flag and ignores the rest.
                    result.ShowVersion = true;
                    error = null;
                    return result;
                case "--experimental_allow_proto3_optional" or "--experimental_editions":
                    // protoc 35.1 still accepts both and ignores them: proto3 optional and editions are always on.
                    break;
                case "--include_imports":
                    result.IncludeImports = true;
                    break;
                case "--include_source_info":
                    result.IncludeSourceInfo = true;
                    break;
                case "--error_format":
                    if (value == "gcc")
                    {
                        result.ErrorFormat = ErrorFormat.Gcc;
                    }
                    else if (value == "msvs")
                    {
                        result.ErrorFormat = ErrorFormat.Msvs;
                    }
                    else
                    {
                        error = $"Unknown error format: {value}";
                        return null;
                    }

                    break;
                default:
                    error = $"Unknown flag: {name}";
                    return null;
            }
        }

        error = null;
        return result;
    }

    /// <summary>protoc's <c>OPTS:DIR</c> form; a single drive letter before the colon is a Windows path, not options.</summary>
    private static (string? Options, string Directory) SplitOptions(string value)
    {
        int colon = value.LastIndexOf(':');
        return colon > 1 ? (value.Substring(0, colon), value.Substring(colon + 1)) : (null, value);
    }

    private static string Join(string? options, string more) => options is null ? more : options + "," + more;
}
