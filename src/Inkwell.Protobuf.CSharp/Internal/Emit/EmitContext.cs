using System.Collections.Generic;
using Inkwell.Protobuf.CSharp.Internal.Emit.Fields;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>What every emitter of one file shares: the writer, the file, the options and its comments.</summary>
internal sealed class EmitContext(ProtoFile file, CSharpGeneratorOptions options)
{
    public CodeWriter Writer { get; } = new();

    public ProtoFile File { get; } = file;

    public CSharpGeneratorOptions Options { get; } = options;

    public DocComments Comments { get; } = new(file.Proto);

    public string AccessLevel => Options.AccessLevel;

    private HashSet<ProtoMessage>? _recursiveMessages;

    /// <summary>Whether the message has a cached serialized size (<see cref="SizeCache.RecursiveMessages"/>).</summary>
    public bool CachesSizes(ProtoMessage message) =>
        Options.CacheSerializedSizes && (_recursiveMessages ??= SizeCache.RecursiveMessages(File)).Contains(message);

    /// <summary>The two attributes protoc puts on every generated member.</summary>
    public void WriteGeneratedCodeAttributes()
    {
        Writer.Line("[global::System.Diagnostics.DebuggerNonUserCodeAttribute]");
        Writer.Line("[global::System.CodeDom.Compiler.GeneratedCode(\"Inkwell.Protobuf\", null)]");
    }
}
