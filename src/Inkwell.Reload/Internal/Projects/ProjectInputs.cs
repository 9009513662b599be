namespace Inkwell.Reload.Internal.Projects;

/// <summary>What the compiler and the runtime would get for a project, as the SDK reported it after a restore.</summary>
/// <param name="ProjectFile">The project file (full path).</param>
/// <param name="CompileFiles">The <c>Compile</c> items (full paths): the default globs and <c>Compile Include/Remove</c>,
/// plus the files the SDK generates under <c>obj/</c> (global usings).</param>
/// <param name="References">What the compiler references (<c>ReferencePathWithRefAssemblies</c>): the targeting
/// packs of every framework the project names, packages transitively, built project references.</param>
/// <param name="RuntimeAssemblies">Assemblies the app loads at run time that no shared framework provides
/// (<c>ReferenceCopyLocalPaths</c>: packages' run-time assets, project references' outputs).</param>
/// <param name="Analyzers">Analyzer and source generator assemblies.</param>
/// <param name="Frameworks">The shared frameworks the app runs on (<c>RuntimeFramework</c>: name and version).</param>
/// <param name="AdditionalFiles">The <c>AdditionalFiles</c> items (full paths) source generators read (<c>.proto</c> files
/// for the Inkwell protobuf generator).</param>
/// <param name="AnalyzerConfigFiles">The <c>EditorConfigFiles</c> the compiler gets: the <c>.editorconfig</c> files the
/// SDK found and the one it generates (<c>build_property.*</c>, <c>build_metadata.AdditionalFiles.*</c>).</param>
/// <param name="Properties">The compiler-relevant properties (LangVersion, Nullable, DefineConstants, AllowUnsafeBlocks,
/// OutputType, TargetFramework, AssemblyName).</param>
internal sealed record ProjectInputs(
    string ProjectFile,
    IReadOnlyList<string> CompileFiles,
    IReadOnlyList<string> References,
    IReadOnlyList<string> RuntimeAssemblies,
    IReadOnlyList<string> Analyzers,
    IReadOnlyList<(string Name, string Version)> Frameworks,
    IReadOnlyList<string> AdditionalFiles,
    IReadOnlyList<string> AnalyzerConfigFiles,
    IReadOnlyDictionary<string, string> Properties)
{
    public string Property(string name) => Properties.TryGetValue(name, out string? value) ? value : string.Empty;

    /// <summary>An executable (<c>OutputType</c> Exe or WinExe) without a <c>StartupObject</c>: the compiler looks for
    /// its one entry point itself, and several are an error.</summary>
    public bool FindsItsOwnEntryPoint =>
        Property("OutputType").ToUpperInvariant() is "EXE" or "WINEXE" && Property("StartupObject").Length == 0;
}
