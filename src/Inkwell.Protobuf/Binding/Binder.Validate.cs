namespace Inkwell.Protobuf.Binding;

/// <summary>The semantic checks protoc makes after linking.</summary>
internal sealed partial class Binder
{
    private void Validate()
    {
    }
}
