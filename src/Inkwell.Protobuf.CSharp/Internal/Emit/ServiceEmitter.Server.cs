using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp.Internal.Emit;

/// <summary>The server side: <c>XBase</c>, whose virtual methods answer Unimplemented, and the two <c>BindService</c>.</summary>
internal sealed partial class ServiceEmitter
{
    private void WriteServerClass()
    {
        w.Line($"/// <summary>Base class for server-side implementations of {ServiceClass}</summary>");
        WriteObsoleteIf(service.IsDeprecated);
        w.Line($"[grpc::BindServiceMethod(typeof({ServiceClass}), \"BindService\")]");
        w.Line($"public abstract partial class {ServerClass}");
        w.Line("{");
        w.Indent();
        foreach (ProtoMethod method in service.Methods)
        {
            WriteServerMethodDocComment(method);
            WriteObsoleteIf(method.IsDeprecated);
            w.Line(GeneratedCodeAttribute);
            string returnType = method.ServerStreaming
                ? "global::System.Threading.Tasks.Task"
                : $"global::System.Threading.Tasks.Task<{method.Output.ClassName}>";
            string request = method.ClientStreaming
                ? $"grpc::IAsyncStreamReader<{method.Input.ClassName}> requestStream"
                : $"{method.Input.ClassName} request";
            string responseStream = method.ServerStreaming
                ? $", grpc::IServerStreamWriter<{method.Output.ClassName}> responseStream"
                : "";
            w.Line($"public virtual {returnType} {method.Name}({request}{responseStream}, grpc::ServerCallContext context)");
            w.Line("{");
            w.Indent();
            w.Line("throw new grpc::RpcException(new grpc::Status(grpc::StatusCode.Unimplemented, \"\"));");
            w.Outdent();
            w.Line("}");
            w.Line();
        }
        w.Outdent();
        w.Line("}");
        w.Line();
    }

    /// <summary>The method's comment from the .proto with the parameters described; nothing when it has no comment.</summary>
    private void WriteServerMethodDocComment(ProtoMethod method)
    {
        if (!comments.Write(w, method.Path))
        {
            return;
        }
        w.Line(method.ClientStreaming
            ? "/// <param name=\"requestStream\">Used for reading requests from the client.</param>"
            : "/// <param name=\"request\">The request received from the client.</param>");
        if (method.ServerStreaming)
        {
            w.Line("/// <param name=\"responseStream\">Used for sending responses back to the client.</param>");
        }
        w.Line("/// <param name=\"context\">The context of the server-side call handler being invoked.</param>");
        w.Line(method.ServerStreaming
            ? "/// <returns>A task indicating completion of the handler.</returns>"
            : "/// <returns>The response to send back to the client (wrapped by a task).</returns>");
    }

    private void WriteBindService()
    {
        w.Line("/// <summary>Creates service definition that can be registered with a server</summary>");
        w.Line("/// <param name=\"serviceImpl\">An object implementing the server-side handling logic.</param>");
        w.Line(GeneratedCodeAttribute);
        w.Line($"public static grpc::ServerServiceDefinition BindService({ServerClass} serviceImpl)");
        w.Line("{");
        w.Indent();
        w.Write("return grpc::ServerServiceDefinition.CreateBuilder()");
        w.Indent();
        w.Indent();
        foreach (ProtoMethod method in service.Methods)
        {
            w.Write($"\n.AddMethod({MethodField(method)}, serviceImpl.{method.Name})");
        }
        w.Line(".Build();");
        w.Outdent();
        w.Outdent();
        w.Outdent();
        w.Line("}");
        w.Line();
    }

    private void WriteBindServiceWithBinder()
    {
        w.Line("/// <summary>Register service method with a service binder with or without implementation. Useful when customizing the service binding logic.");
        w.Line("/// Note: this method is part of an experimental API that can change or be removed without any prior notice.</summary>");
        w.Line("/// <param name=\"serviceBinder\">Service methods will be bound by calling <c>AddMethod</c> on this object.</param>");
        w.Line("/// <param name=\"serviceImpl\">An object implementing the server-side handling logic.</param>");
        w.Line(GeneratedCodeAttribute);
        w.Line($"public static void BindService(grpc::ServiceBinderBase serviceBinder, {ServerClass} serviceImpl)");
        w.Line("{");
        w.Indent();
        foreach (ProtoMethod method in service.Methods)
        {
            string serverMethod = method.ClientStreaming
                ? method.ServerStreaming ? "DuplexStreamingServerMethod" : "ClientStreamingServerMethod"
                : method.ServerStreaming ? "ServerStreamingServerMethod" : "UnaryServerMethod";
            w.Line($"serviceBinder.AddMethod({MethodField(method)}, serviceImpl == null ? null : new grpc::{serverMethod}<{method.Input.ClassName}, {method.Output.ClassName}>(serviceImpl.{method.Name}));");
        }
        w.Outdent();
        w.Line("}");
        w.Line();
    }
}
