using System.Collections.Generic;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// Writes one service's static class as grpc_csharp_plugin does: the service name, the marshallers (with the
/// <c>IBufferMessage</c> fast path), one <c>Method</c> descriptor per RPC and <c>Descriptor</c>; then, as the
/// options ask, <c>XBase</c> and <c>BindService</c> (server, <see cref="ServiceEmitter"/>.Server.cs) and
/// <c>XClient</c> (client, .Client.cs). Names the plugin would make collide (two marshallers for <c>a.b_c.D</c>
/// and <c>a.b.c_D</c>, a method called like a generated member) collide here too: the text is the plugin's.
/// </summary>
internal sealed partial class ServiceEmitter(CodeWriter w, DocComments comments, ProtoService service, GrpcGeneratorOptions options)
{
    private const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"Inkwell.Protobuf\", null)]";
    private const string ObsoleteAttribute = "[global::System.ObsoleteAttribute]";

    private string ServiceClass => service.Name;

    private string ServerClass => service.Name + "Base";

    private string ClientClass => service.Name + "Client";

    public void Emit()
    {
        comments.Write(w, service.Path);
        WriteObsoleteIf(service.IsDeprecated);
        w.Line($"{(options.InternalAccess ? "internal" : "public")} static partial class {ServiceClass}");
        w.Line("{");
        w.Indent();
        w.Line($"static readonly string __ServiceName = \"{service.FullName}\";");
        w.Line();
        WriteMarshallers();
        foreach (ProtoMethod method in service.Methods)
        {
            WriteMethodField(method);
        }
        WriteDescriptorProperty();
        if (options.GenerateServer)
        {
            WriteServerClass();
        }
        if (options.GenerateClient)
        {
            WriteClientClass();
        }
        if (options.GenerateServer)
        {
            WriteBindService();
            WriteBindServiceWithBinder();
        }
        w.Outdent();
        w.Line("}");
    }

    /// <summary>The request and response messages in first-use order, each once.</summary>
    private List<ProtoMessage> UsedMessages()
    {
        var seen = new HashSet<ProtoMessage>();
        var result = new List<ProtoMessage>();
        foreach (ProtoMethod method in service.Methods)
        {
            if (seen.Add(method.Input))
            {
                result.Add(method.Input);
            }
            if (seen.Add(method.Output))
            {
                result.Add(method.Output);
            }
        }
        return result;
    }

    private void WriteMarshallers()
    {
        List<ProtoMessage> messages = UsedMessages();
        if (messages.Count > 0)
        {
            w.Line(GeneratedCodeAttribute);
            w.Line("static void __Helper_SerializeMessage(global::Google.Protobuf.IMessage message, grpc::SerializationContext context)");
            w.Line("{");
            w.Indent();
            w.WriteBufferSerializationOnly(() =>
            {
                w.Line("if (message is global::Google.Protobuf.IBufferMessage)");
                w.Line("{");
                w.Indent();
                w.Line("context.SetPayloadLength(message.CalculateSize());");
                w.Line("global::Google.Protobuf.MessageExtensions.WriteTo(message, context.GetBufferWriter());");
                w.Line("context.Complete();");
                w.Line("return;");
                w.Outdent();
                w.Line("}");
            });
            w.Line("context.Complete(global::Google.Protobuf.MessageExtensions.ToByteArray(message));");
            w.Outdent();
            w.Line("}");
            w.Line();
            w.Line(GeneratedCodeAttribute);
            w.Line("static class __Helper_MessageCache<T>");
            w.Line("{");
            w.Indent();
            w.Line("public static readonly bool IsBufferMessage = global::System.Reflection.IntrospectionExtensions.GetTypeInfo(typeof(global::Google.Protobuf.IBufferMessage)).IsAssignableFrom(typeof(T));");
            w.Outdent();
            w.Line("}");
            w.Line();
            w.Line(GeneratedCodeAttribute);
            w.Line("static T __Helper_DeserializeMessage<T>(grpc::DeserializationContext context, global::Google.Protobuf.MessageParser<T> parser) where T : global::Google.Protobuf.IMessage<T>");
            w.Line("{");
            w.Indent();
            w.WriteBufferSerializationOnly(() =>
            {
                w.Line("if (__Helper_MessageCache<T>.IsBufferMessage)");
                w.Line("{");
                w.Indent();
                w.Line("return parser.ParseFrom(context.PayloadAsReadOnlySequence());");
                w.Outdent();
                w.Line("}");
            });
            w.Line("return parser.ParseFrom(context.PayloadAsNewBuffer());");
            w.Outdent();
            w.Line("}");
            w.Line();
        }
        foreach (ProtoMessage message in messages)
        {
            w.Line(GeneratedCodeAttribute);
            w.Line($"static readonly grpc::Marshaller<{message.ClassName}> {MarshallerField(message)} = grpc::Marshallers.Create(__Helper_SerializeMessage, context => {Deserialize(message)});");
        }
        w.Line();
    }

    /// <summary>
    /// How a marshaller reads a message: through its Google.Protobuf parser, or, for a class of a hierarchy, through
    /// the hierarchy parser's <c>Resolve</c>, so handlers and callers receive the most-derived class (a hierarchy
    /// class's <c>Parser</c> is not a <c>MessageParser&lt;T&gt;</c>: that one cannot return a subtype).
    /// </summary>
    private static string Deserialize(ProtoMessage message) =>
        message.Hierarchy is null
            ? $"__Helper_DeserializeMessage(context, {message.ClassName}.Parser)"
            : $"{message.ClassName}.Parser.Resolve(__Helper_DeserializeMessage(context, {message.ClassName}.Parser.Unresolved))";

    private static string MarshallerField(ProtoMessage message) => "__Marshaller_" + message.FullName.Replace('.', '_');

    private static string MethodField(ProtoMethod method) => "__Method_" + method.Name;

    private void WriteMethodField(ProtoMethod method)
    {
        string request = method.Input.ClassName;
        string response = method.Output.ClassName;
        w.Line(GeneratedCodeAttribute);
        w.Line($"static readonly grpc::Method<{request}, {response}> {MethodField(method)} = new grpc::Method<{request}, {response}>(");
        w.Indent();
        w.Indent();
        string type = method.ClientStreaming
            ? method.ServerStreaming ? "DuplexStreaming" : "ClientStreaming"
            : method.ServerStreaming ? "ServerStreaming" : "Unary";
        w.Line($"grpc::MethodType.{type},");
        w.Line("__ServiceName,");
        w.Line($"\"{method.Name}\",");
        w.Line(MarshallerField(method.Input) + ",");
        w.Line(MarshallerField(method.Output) + ");");
        w.Line();
        w.Outdent();
        w.Outdent();
    }

    private void WriteDescriptorProperty()
    {
        w.Line("/// <summary>Service descriptor</summary>");
        w.Line("public static global::Google.Protobuf.Reflection.ServiceDescriptor Descriptor");
        w.Line("{");
        w.Line($"  get {{ return {service.File.ReflectionClassName}.Descriptor.Services[{service.Index}]; }}");
        w.Line("}");
        w.Line();
    }

    private void WriteObsoleteIf(bool deprecated)
    {
        if (deprecated)
        {
            w.Line(ObsoleteAttribute);
        }
    }
}
