namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// One <c>--NAME_out=[PARAMS:]DIR</c>: a built-in generator (<c>csharp</c>, <c>grpc</c>, <c>proto</c>) or the plugin
/// <c>protoc-gen-NAME</c>. protoc runs them in command-line order.
/// </summary>
/// <param name="Name">NAME, as written in the flag.</param>
/// <param name="Parameter">PARAMS written before the colon ("" when none); <c>--NAME_opt</c> values follow it.</param>
/// <param name="Location">The output folder (or archive).</param>
internal sealed record OutputDirective(string Name, string Parameter, string Location)
{
    /// <summary>The plugin's name, as protoc spells it in <c>--plugin</c> and in messages.</summary>
    public string PluginName => "protoc-gen-" + Name;

    /// <summary>The flag, as protoc names it in error messages.</summary>
    public string Flag => "--" + Name + "_out";
}
