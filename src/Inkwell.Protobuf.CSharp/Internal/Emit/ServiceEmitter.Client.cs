using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>
/// The client side: <c>XClient : ClientBase&lt;XClient&gt;</c> with its four constructors and, per method, a
/// blocking call (unary only) and an asynchronous or streaming call, each with loose arguments and with
/// <c>CallOptions</c>.
/// </summary>
internal sealed partial class ServiceEmitter
{
    private const string LooseCallArguments =
        "grpc::Metadata headers = null, global::System.DateTime? deadline = null, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken)";

    private void WriteClientClass()
    {
        w.Line($"/// <summary>Client for {ServiceClass}</summary>");
        WriteObsoleteIf(service.IsDeprecated);
        w.Line($"public partial class {ClientClass} : grpc::ClientBase<{ClientClass}>");
        w.Line("{");
        w.Indent();
        WriteClientConstructors();
        foreach (ProtoMethod method in service.Methods)
        {
            string request = method.Input.ClassName;
            string response = method.Output.ClassName;
            if (method.IsUnary)
            {
                WriteClientMethodDocComment(method, isBlocking: true, withCallOptions: false);
                WriteObsoleteIf(method.IsDeprecated);
                w.Line(GeneratedCodeAttribute);
                w.Line($"public virtual {response} {method.Name}({request} request, {LooseCallArguments})");
                WriteBody($"return {method.Name}(request, new grpc::CallOptions(headers, deadline, cancellationToken));");
                WriteClientMethodDocComment(method, isBlocking: true, withCallOptions: true);
                WriteObsoleteIf(method.IsDeprecated);
                w.Line(GeneratedCodeAttribute);
                w.Line($"public virtual {response} {method.Name}({request} request, grpc::CallOptions options)");
                WriteBody($"return CallInvoker.BlockingUnaryCall({MethodField(method)}, null, options, request);");
            }
            // The unary call's asynchronous form takes "Async" so as not to clash with the blocking one.
            string name = method.IsUnary ? method.Name + "Async" : method.Name;
            string requestParameter = method.ClientStreaming ? "" : request + " request, ";
            string requestArgument = method.ClientStreaming ? "" : "request, ";
            string returnType = method.ClientStreaming
                ? method.ServerStreaming ? $"grpc::AsyncDuplexStreamingCall<{request}, {response}>" : $"grpc::AsyncClientStreamingCall<{request}, {response}>"
                : method.ServerStreaming ? $"grpc::AsyncServerStreamingCall<{response}>" : $"grpc::AsyncUnaryCall<{response}>";
            WriteClientMethodDocComment(method, isBlocking: false, withCallOptions: false);
            WriteObsoleteIf(method.IsDeprecated);
            w.Line(GeneratedCodeAttribute);
            w.Line($"public virtual {returnType} {name}({requestParameter}{LooseCallArguments})");
            WriteBody($"return {name}({requestArgument}new grpc::CallOptions(headers, deadline, cancellationToken));");
            WriteClientMethodDocComment(method, isBlocking: false, withCallOptions: true);
            WriteObsoleteIf(method.IsDeprecated);
            w.Line(GeneratedCodeAttribute);
            w.Line($"public virtual {returnType} {name}({requestParameter}grpc::CallOptions options)");
            string call = method.ClientStreaming
                ? method.ServerStreaming ? "AsyncDuplexStreamingCall" : "AsyncClientStreamingCall"
                : method.ServerStreaming ? "AsyncServerStreamingCall" : "AsyncUnaryCall";
            WriteBody($"return CallInvoker.{call}({MethodField(method)}, null, options{(method.ClientStreaming ? "" : ", request")});");
        }
        w.Line("/// <summary>Creates a new instance of client from given <c>ClientBaseConfiguration</c>.</summary>");
        w.Line(GeneratedCodeAttribute);
        w.Line($"protected override {ClientClass} NewInstance(ClientBaseConfiguration configuration)");
        WriteBody($"return new {ClientClass}(configuration);");
        w.Outdent();
        w.Line("}");
        w.Line();
    }

    private void WriteClientConstructors()
    {
        w.Line($"/// <summary>Creates a new client for {ServiceClass}</summary>");
        w.Line("/// <param name=\"channel\">The channel to use to make remote calls.</param>");
        w.Line(GeneratedCodeAttribute);
        w.Line($"public {ClientClass}(grpc::ChannelBase channel) : base(channel)");
        w.Line("{");
        w.Line("}");
        w.Line($"/// <summary>Creates a new client for {ServiceClass} that uses a custom <c>CallInvoker</c>.</summary>");
        w.Line("/// <param name=\"callInvoker\">The callInvoker to use to make remote calls.</param>");
        w.Line(GeneratedCodeAttribute);
        w.Line($"public {ClientClass}(grpc::CallInvoker callInvoker) : base(callInvoker)");
        w.Line("{");
        w.Line("}");
        w.Line("/// <summary>Protected parameterless constructor to allow creation of test doubles.</summary>");
        w.Line(GeneratedCodeAttribute);
        w.Line($"protected {ClientClass}() : base()");
        w.Line("{");
        w.Line("}");
        w.Line("/// <summary>Protected constructor to allow creation of configured clients.</summary>");
        w.Line("/// <param name=\"configuration\">The client configuration.</param>");
        w.Line(GeneratedCodeAttribute);
        w.Line($"protected {ClientClass}(ClientBaseConfiguration configuration) : base(configuration)");
        w.Line("{");
        w.Line("}");
        w.Line();
    }

    private void WriteBody(string statement)
    {
        w.Line("{");
        w.Indent();
        w.Line(statement);
        w.Outdent();
        w.Line("}");
    }

    /// <summary>The method's comment from the .proto with the parameters described; nothing when it has no comment.</summary>
    private void WriteClientMethodDocComment(ProtoMethod method, bool isBlocking, bool withCallOptions)
    {
        if (!comments.Write(w, method.Path))
        {
            return;
        }
        if (!method.ClientStreaming)
        {
            w.Line("/// <param name=\"request\">The request to send to the server.</param>");
        }
        if (withCallOptions)
        {
            w.Line("/// <param name=\"options\">The options for the call.</param>");
        }
        else
        {
            w.Line("/// <param name=\"headers\">The initial metadata to send with the call. This parameter is optional.</param>");
            w.Line("/// <param name=\"deadline\">An optional deadline for the call. The call will be cancelled if deadline is hit.</param>");
            w.Line("/// <param name=\"cancellationToken\">An optional token for canceling the call.</param>");
        }
        w.Line(isBlocking
            ? "/// <returns>The response received from the server.</returns>"
            : "/// <returns>The call object.</returns>");
    }
}
