namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// One <c>--NAME_out=[PARAMS:]DIR</c> that runs the plugin <c>protoc-gen-NAME</c>.
/// </summary>
/// <param name="Name">NAME, as written in the flag.</param>
/// <param name="Parameter">PARAMS written before the colon ("" when none); <c>--NAME_opt</c> values follow it.</param>
/// <param name="Location">The output folder.</param>
internal sealed record PluginOutputDirective(string Name, string Parameter, string Location)
{
    /// <summary>The plugin's name, as protoc spells it in <c>--plugin</c> and in messages.</summary>
    public string PluginName => "protoc-gen-" + Name;

    /// <summary>The flag, as protoc names it in error messages.</summary>
    public string Flag => "--" + Name + "_out";
}
