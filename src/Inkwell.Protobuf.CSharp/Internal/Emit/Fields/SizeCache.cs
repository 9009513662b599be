namespace Inkwell.Protobuf.CSharp.Internal.Emit.Fields;

/// <summary>
/// Names of the internal members behind <see cref="CSharpGeneratorOptions.CacheSerializedSizes"/>.
/// Generated property and nested-type names never contain an inner underscore, so these cannot clash.
/// </summary>
internal static class SizeCache
{
    /// <summary>The private field <c>CalculateSize</c> stores its result in.</summary>
    public const string Field = "_inkwell_cachedSize";

    /// <summary>Returns the size the last <c>CalculateSize</c> stored.</summary>
    public const string CachedSizeMethod = "Inkwell_CachedSize";

    /// <summary>Writes the message's fields, trusting its nested messages' cached sizes.</summary>
    public const string WriteMethod = "Inkwell_WriteToCached";
}
