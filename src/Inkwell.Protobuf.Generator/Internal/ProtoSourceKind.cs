namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>What the build wants done with a .proto file.</summary>
internal enum ProtoSourceKind
{
    /// <summary>Generate C# for it (a Protobuf item, or a plain AdditionalFiles item).</summary>
    Generate,

    /// <summary>Only resolve imports against it (ProtoCompile="false", or a file under AdditionalImportDirs).</summary>
    ImportOnly,
}
