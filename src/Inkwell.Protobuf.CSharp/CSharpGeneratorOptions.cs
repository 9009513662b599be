using Inkwell.Protobuf.CSharp.Internal;
namespace Inkwell.Protobuf.CSharp;

/// <summary>
/// The options of protoc's C# generator (<c>--csharp_opt</c>). File-level options such as
/// <c>csharp_namespace</c> come from the descriptors themselves.
/// </summary>
public sealed record CSharpGeneratorOptions
{
    /// <summary>The extension of generated files (<c>file_extension</c>); default <c>.cs</c>.</summary>
    public string FileExtension { get; init; } = ".cs";

    /// <summary>
    /// When set (<c>base_namespace</c>), files go into folders that follow their namespace below this one;
    /// the empty string puts every namespace segment into a folder. When null, all files are written flat.
    /// </summary>
    public string? BaseNamespace { get; init; }

    /// <summary>Generate <c>internal</c> instead of <c>public</c> types (<c>internal_access</c>).</summary>
    public bool InternalAccess { get; init; }

    /// <summary>Mark messages <c>[Serializable]</c> (<c>serializable</c>).</summary>
    public bool Serializable { get; init; }

    /// <summary>
    /// Reuse the sizes computed for a length prefix when writing the nested messages below it
    /// (<c>cache_sizes</c>, default on), so serializing a deep tree costs time linear in its size
    /// instead of quadratic. Off, the output is protoc's text exactly. The public API is the same either way.
    /// </summary>
    public bool CacheSerializedSizes { get; init; } = true;

    /// <summary>
    /// Parses protoc's <c>--csharp_opt</c> text: comma-separated <c>name</c> or <c>name=value</c> entries,
    /// e.g. <c>file_extension=.g.cs,base_namespace=Acme,internal_access</c>. Besides protoc's options,
    /// <c>cache_sizes=false</c> turns off <see cref="CacheSerializedSizes"/>.
    /// </summary>
    /// <exception cref="CSharpGenerationException">An option is unknown.</exception>
    public static CSharpGeneratorOptions Parse(string? text)
    {
        var options = new CSharpGeneratorOptions();
        foreach ((string name, string value) in GeneratorParameter.Entries(text))
        {
            options = name switch
            {
                "file_extension" => options with { FileExtension = value },
                "base_namespace" => options with { BaseNamespace = value },
                "internal_access" => options with { InternalAccess = true },
                "serializable" => options with { Serializable = true },
                "cache_sizes" => options with { CacheSerializedSizes = value is "" or "true" },
                _ => throw new CSharpGenerationException($"Unknown generator option: {name}"),
            };
        }
        return options;
    }

    internal string AccessLevel => InternalAccess ? "internal" : "public";
}
