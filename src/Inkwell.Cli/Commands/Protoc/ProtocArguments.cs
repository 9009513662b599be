using Inkwell.Protobuf;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>protoc's flags, parsed as protoc parses them (System.CommandLine cannot express -IDIR and @files exactly).</summary>
internal sealed class ProtocArguments
{
    public List<string> ImportPaths { get; } = [];

    public List<string> Inputs { get; } = [];

    public string? DescriptorSetOut { get; private set; }

    /// <summary>
    /// Every <c>--NAME_out</c> in command-line order, the built-in generators' (<c>csharp</c>, <c>grpc</c>,
    /// <c>proto</c>) among the plugins', as protoc runs them.
    /// </summary>
    public List<OutputDirective> Outputs { get; } = [];

    public bool IncludeImports { get; private set; }

    public bool IncludeSourceInfo { get; private set; }

    /// <summary><c>--retain_options</c>: the <c>-o</c> set keeps options with <c>retention = RETENTION_SOURCE</c>.</summary>
    public bool RetainOptions { get; private set; }

    public ErrorFormat ErrorFormat { get; private set; } = ErrorFormat.Gcc;

    /// <summary><c>--NAME_opt</c> values by NAME, comma-joined in order as protoc joins them.</summary>
    public Dictionary<string, string> GeneratorOptions { get; } = new(StringComparer.Ordinal);

    /// <summary>Plugin executables named by <c>--plugin=NAME=PATH</c> (or <c>--plugin=PATH</c>: its file name) by plugin name.</summary>
    public Dictionary<string, string> Plugins { get; } = new(StringComparer.Ordinal);

    /// <summary><c>--descriptor_set_in</c>: the precompiled FileDescriptorSets to read files from, in order (empty when not given).</summary>
    public List<string> DescriptorSetIn { get; } = [];

    /// <summary><c>--dependency_out</c>: where to write a make rule of the outputs and the .proto files they came from.</summary>
    public string? DependencyOut { get; private set; }

    /// <summary><c>--unsafe_allow_out_dir_escape</c>: generated file names may contain <c>..</c>.</summary>
    public bool AllowOutDirEscape { get; private set; }

    /// <summary><c>--print_free_field_numbers</c>: print each input message's free field numbers instead of writing output.</summary>
    public bool PrintFreeFieldNumbers => Mode == ProtocMode.PrintFreeFieldNumbers;

    /// <summary><c>--decode=TYPE</c>: the message type to read from standard input and print as text, or null.</summary>
    public string? Decode { get; private set; }

    /// <summary><c>--decode_raw</c>: print standard input's message as raw tag/value text instead of compiling.</summary>
    public bool DecodeRaw { get; private set; }

    /// <summary><c>--encode=TYPE</c>: the message type to read as text from standard input and write as binary, or null.</summary>
    public string? Encode { get; private set; }

    /// <summary><c>--deterministic_output</c>: <c>--encode</c> writes map entries sorted by key.</summary>
    public bool DeterministicOutput { get; private set; }

    /// <summary>The message type of <c>--encode</c> or <c>--decode</c>, or null when neither is given.</summary>
    public string? MessageType => Encode ?? Decode;

    /// <summary><c>--fatal_warnings</c>: a compilation with warnings exits 1 after writing its output, as with protoc.</summary>
    public bool FatalWarnings { get; private set; }

    /// <summary><c>--experimental_editions</c>: as in protoc, plugins are then not checked for editions support.</summary>
    public bool ExperimentalEditions { get; private set; }

    /// <summary>What the run does: compile and generate, decode standard input, or print free field numbers.</summary>
    public ProtocMode Mode { get; private set; }

    /// <summary>protoc's warnings about the flags (printed before the run, which goes on).</summary>
    public List<string> Warnings { get; } = [];

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

            bool isGeneratorFlag = name.StartsWith("--", StringComparison.Ordinal) && (name.EndsWith("_out", StringComparison.Ordinal) || name.EndsWith("_opt", StringComparison.Ordinal));
            bool takesValue = isGeneratorFlag || name is "--descriptor_set_in" or "--encode" or "--decode" or "--dependency_out" or "--direct_dependencies" or "--option_dependencies" or "-I" or "--proto_path" or "-o" or "--descriptor_set_out" or "--error_format" or "--plugin";
            if (takesValue && value is null)
            {
                if (i + 1 >= queue.Count || queue[i + 1].StartsWith('-') && queue[i + 1].Length > 1)
                {
                    error = name == "--decode" ? $"Missing value for flag: {name}\n{DecodeRawHint}" : $"Missing value for flag: {name}";
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

                    if (value!.Length == 0)
                    {
                        error = $"{name} requires a non-empty value.";
                        return null;
                    }

                    if (result.Mode != ProtocMode.Compile)
                    {
                        error = "Cannot use --encode or --decode and generate descriptors at the same time.";
                        return null;
                    }

                    result.DescriptorSetOut = value;
                    break;
                case "--version":
                    // protoc prints its version as soon as it reaches the flag and ignores the rest.
                    result.ShowVersion = true;
                    error = null;
                    return result;
                case "--dependency_out":
                    if (result.DependencyOut is not null)
                    {
                        error = $"{name} may only be passed once.";
                        return null;
                    }

                    if (value!.Length == 0)
                    {
                        error = $"{name} requires a non-empty value.";
                        return null;
                    }

                    if (result.DescriptorSetIn.Count > 0)
                    {
                        error = $"{name} cannot be used with --descriptor_set_in.";
                        return null;
                    }

                    result.DependencyOut = value;
                    break;
                case "--descriptor_set_in":
                    if (result.DescriptorSetIn.Count > 0)
                    {
                        error = $"{name} may only be passed once. To specify multiple descriptor sets, pass them all as a single parameter separated by ':'.";
                        return null;
                    }

                    if (value!.Length == 0)
                    {
                        error = $"{name} requires a non-empty value.";
                        return null;
                    }

                    if (result.DependencyOut is not null)
                    {
                        error = $"{name} cannot be used with --dependency_out.";
                        return null;
                    }

                    result.DescriptorSetIn.AddRange(value.Split(':', StringSplitOptions.RemoveEmptyEntries));
                    break;
                case "--unsafe_allow_out_dir_escape":
                    result.AllowOutDirEscape = true;
                    break;
                case "--deterministic_output":
                    result.DeterministicOutput = true;
                    break;
                case "--print_free_field_numbers":
                    // protoc checks a mode flag against the flags before it, where it meets it.
                    if (result.Mode != ProtocMode.Compile)
                    {
                        error = $"Cannot use {name} and use --encode, --decode or print other info at the same time.";
                        return null;
                    }

                    if (result.Outputs.Count > 0 || result.DescriptorSetOut is not null)
                    {
                        error = $"Cannot use {name} and generate code or descriptors at the same time.";
                        return null;
                    }

                    result.Mode = ProtocMode.PrintFreeFieldNumbers;
                    break;
                case "--decode_raw" or "--decode" or "--encode":
                    if (result.Mode != ProtocMode.Compile)
                    {
                        error = "Only one of --encode and --decode can be specified.";
                        return null;
                    }

                    if (result.Outputs.Count > 0 || result.DescriptorSetOut is not null)
                    {
                        error = $"Cannot use {name} and generate code or descriptors at the same time.";
                        return null;
                    }

                    result.Mode = name == "--encode" ? ProtocMode.Encode : ProtocMode.Decode;
                    if (name != "--decode_raw" && string.IsNullOrEmpty(value))
                    {
                        error = name == "--decode" ? $"Type name for {name} cannot be blank.\n{DecodeRawHint}" : $"Type name for {name} cannot be blank.";
                        return null;
                    }

                    if (name == "--decode_raw" && !string.IsNullOrEmpty(value))
                    {
                        error = "--decode_raw does not take a parameter.";
                        return null;
                    }

                    result.DecodeRaw = name == "--decode_raw";
                    result.Decode = name == "--decode" ? value : null;
                    result.Encode = name == "--encode" ? value : null;
                    break;
                case "--fatal_warnings":
                    if (result.FatalWarnings)
                    {
                        error = $"{name} may only be passed once.";
                        return null;
                    }

                    result.FatalWarnings = true;
                    break;
                case var _ when s_notSupported.Contains(name):
                    error = $"{name}: protoc 35.1's flag is not supported by inkwell protoc (docs/cli.md lists what is).";
                    return null;
                case "--experimental_allow_proto3_optional":
                    // protoc 35.1 still accepts it and ignores it: proto3 optional is always on.
                    break;
                case "--experimental_editions":
                    // Editions are always on; protoc then only skips the plugins' editions support check.
                    result.ExperimentalEditions = true;
                    break;
                case "--plugin":
                    int pluginEquals = value!.IndexOf('=');
                    if (pluginEquals < 0)
                    {
                        // protoc names a bare path's plugin after its file name (extension dropped).
                        result.Plugins[Path.GetFileNameWithoutExtension(value)] = value;
                    }
                    else
                    {
                        result.Plugins[value.Substring(0, pluginEquals)] = value.Substring(pluginEquals + 1);
                    }

                    break;
                case var _ when isGeneratorFlag && s_unsupportedBuiltInGenerators.Contains(name[2..^4]):
                    error = $"{name}: protoc's built-in {name[2..^4]} generator is not part of inkwell protoc (only csharp, grpc and proto are built in; a protoc-gen-{name[2..^4]} plugin can be run under another name with --plugin).";
                    return null;
                case var _ when isGeneratorFlag && name.EndsWith("_out", StringComparison.Ordinal):
                    if (result.Mode != ProtocMode.Compile)
                    {
                        error = "Cannot use --encode, --decode or print .proto info and generate code at the same time.";
                        return null;
                    }

                    (string? parameter, string location) = SplitOptions(value!);
                    result.Outputs.Add(new OutputDirective(name[2..^4], parameter ?? "", location));
                    break;
                case var _ when isGeneratorFlag:
                    string generator = name[2..^4];
                    result.GeneratorOptions[generator] = result.GeneratorOptions.TryGetValue(generator, out string? earlier) ? earlier + "," + value : value!;
                    break;
                case "--include_imports":
                    if (result.IncludeImports)
                    {
                        error = $"{name} may only be passed once.";
                        return null;
                    }

                    result.IncludeImports = true;
                    break;
                case "--include_source_info":
                    if (result.IncludeSourceInfo)
                    {
                        error = $"{name} may only be passed once.";
                        return null;
                    }

                    result.IncludeSourceInfo = true;
                    break;
                case "--retain_options":
                    if (result.RetainOptions)
                    {
                        error = $"{name} may only be passed once.";
                        return null;
                    }

                    result.RetainOptions = true;
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

        error = result.CheckCombination();
        return error is null ? result : null;
    }

    /// <summary>protoc's second line for a <c>--decode</c> without a type.</summary>
    private const string DecodeRawHint = "To decode an unknown message, use --decode_raw.";

    /// <summary>protoc 35.1's other flags (its --help): refused by name rather than half done.</summary>
    private static readonly HashSet<string> s_notSupported =
    [
        "--enable_codegen_trace", "--direct_dependencies",
        "--option_dependencies", "--notices", "--disallow_services",
    ];

    /// <summary>protoc's built-in generators (its --help) that Inkwell does not have: refused rather than run as plugins.</summary>
    private static readonly HashSet<string> s_unsupportedBuiltInGenerators =
        ["cpp", "java", "kotlin", "objc", "php", "pyi", "python", "rbs", "ruby", "rust"];

    /// <summary>
    /// protoc's checks of the whole command line, in its order, once every flag is read: null when it may run,
    /// else the message. Warnings that let the run go on are added to <see cref="Warnings"/>.
    /// </summary>
    private string? CheckCombination()
    {
        // An option for a plugin no --NAME_out runs is an unknown flag to protoc (csharp's is its own generator's).
        string[] unknownOptions = [.. GeneratorOptions.Keys.Where(name => name != "csharp" && !Outputs.Any(output => output.Name == name))];
        if (unknownOptions.Length > 0)
        {
            return string.Join("\n", unknownOptions.Select(name => $"Unknown flag: --{name}_opt"));
        }

        if (DecodeRaw && (Inputs.Count > 0 || DescriptorSetIn.Count > 0))
        {
            return "When using --decode_raw, no input files should be given.";
        }

        // --decode can find its type in the --descriptor_set_in sets without an input file.
        if (Inputs.Count == 0 && (Mode == ProtocMode.Compile || (!DecodeRaw && DescriptorSetIn.Count == 0)))
        {
            return "Missing input file.";
        }

        if (Mode == ProtocMode.Compile && Outputs.Count == 0 && DescriptorSetOut is null)
        {
            return "Missing output directives.";
        }

        if (Mode != ProtocMode.Compile && DependencyOut is not null)
        {
            return "Can only use --dependency_out=FILE when generating code.";
        }

        if (DependencyOut is not null && Inputs.Count > 1)
        {
            return "Can only process one input file when using --dependency_out=FILE.";
        }

        if (DeterministicOutput && Mode != ProtocMode.Encode)
        {
            // It orders --encode's map entries; protoc refuses it elsewhere, wherever it stands on the command line.
            return "Can only use --deterministic_output with --encode.";
        }

        foreach ((bool given, string flag) in new[] { (IncludeImports, "--include_imports"), (IncludeSourceInfo, "--include_source_info"), (RetainOptions, "--retain_options") })
        {
            if (given && DescriptorSetOut is null)
            {
                Warnings.Add($"{flag} only makes sense when combined with --descriptor_set_out.");
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a directive runs a generator of Inkwell's own: <c>csharp</c>, <c>proto</c>, and <c>grpc</c> unless
    /// <c>--plugin=protoc-gen-grpc=PATH</c> names a plugin for it, which then runs as with protoc.
    /// </summary>
    public bool IsBuiltIn(OutputDirective directive) =>
        directive.Name is "csharp" or "proto" || (directive.Name == "grpc" && !Plugins.ContainsKey("protoc-gen-grpc"));

    /// <summary>A directive's parameter as protoc joins it: its own <c>PARAMS:</c> first, then its <c>--NAME_opt</c>s.</summary>
    public string ParameterOf(OutputDirective directive) =>
        GeneratorOptions.TryGetValue(directive.Name, out string? options) ? (directive.Parameter.Length == 0 ? options : directive.Parameter + "," + options) : directive.Parameter;

    /// <summary>
    /// protoc's <c>OPTS:DIR</c> form: options end at the first colon, unless (on Windows) the value is an absolute
    /// path such as <c>C:\out</c>.
    /// </summary>
    private static (string? Options, string Directory) SplitOptions(string value)
    {
        int colon = value.IndexOf(':');
        bool windowsAbsolute = OperatingSystem.IsWindows() && value.Length >= 3 && char.IsAsciiLetter(value[0]) && value[1] == ':' && value[2] is '\\' or '/';
        return colon >= 0 && !windowsAbsolute ? (value.Substring(0, colon), value.Substring(colon + 1)) : (null, value);
    }
}
