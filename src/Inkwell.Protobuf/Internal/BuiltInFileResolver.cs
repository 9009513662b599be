namespace Inkwell.Protobuf.Internal;

/// <summary>
/// Serves the files Inkwell ships after the caller's resolver found nothing, the way protoc falls back to the include
/// directory it was installed with: <c>inkwell/inheritance.proto</c> (the options a lowered hierarchy carries) and
/// protobuf's well-known types (<see cref="WellKnownTypesResolver"/>; ANY encoding imports <c>any.proto</c>).
/// </summary>
internal sealed class BuiltInFileResolver(IProtoFileResolver inner) : IProtoFileResolver
{
    private static readonly Lazy<string> s_inheritance = new(() =>
    {
        using Stream stream = typeof(BuiltInFileResolver).Assembly.GetManifestResourceStream(ProtoCompiler.InheritanceProto)
            ?? throw new InvalidOperationException($"{ProtoCompiler.InheritanceProto} is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The caller's resolver.</summary>
    public IProtoFileResolver Inner => inner;

    public bool TryRead(string name, out string content, out string displayPath)
    {
        if (inner.TryRead(name, out content, out displayPath))
        {
            return true;
        }

        if (name == ProtoCompiler.InheritanceProto)
        {
            content = s_inheritance.Value;
            displayPath = name;
            return true;
        }

        return WellKnownTypesResolver.Instance.TryRead(name, out content, out displayPath);
    }
}
