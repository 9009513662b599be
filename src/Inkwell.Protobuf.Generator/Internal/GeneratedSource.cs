namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>
/// The C# generated for one .proto file (or none, when generation failed): its messages, its gRPC services when the
/// item asks for them and the file has some, and the diagnostics for it.
/// </summary>
/// <param name="HintName">The hint name of the messages' source.</param>
/// <param name="Text">The messages' source.</param>
/// <param name="ServicesText">The services' source (hint name <see cref="ServicesHintName"/>), or null.</param>
/// <param name="Diagnostics">The diagnostics.</param>
/// <param name="FullPath">The .proto file's path, where a missing gRPC runtime is reported.</param>
internal sealed record GeneratedSource(string HintName, string? Text, string? ServicesText, EquatableArray<DiagnosticInfo> Diagnostics, string FullPath)
{
    /// <summary>The hint name of the services' source: <c>protos.greet.proto.g.cs</c> → <c>protos.greet.proto.grpc.g.cs</c>.</summary>
    public string ServicesHintName => HintName.EndsWith(".g.cs", StringComparison.Ordinal)
        ? HintName.Substring(0, HintName.Length - ".g.cs".Length) + ".grpc.g.cs"
        : HintName + ".grpc";
}
