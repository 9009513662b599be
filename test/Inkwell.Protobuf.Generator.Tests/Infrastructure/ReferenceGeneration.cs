using Inkwell.Protobuf.CSharp;

namespace Inkwell.Protobuf.Generator.Tests.Infrastructure;

/// <summary>
/// The oracle for the generator's text: what <see cref="CSharpGenerator"/> writes (the CLI's path) from the full
/// descriptors of every file (<see cref="ProtoCompiler"/>, well-known types first as on Grpc.Tools' import path).
/// </summary>
internal static class ReferenceGeneration
{
    /// <summary>The C# for <paramref name="name"/>, or null when it does not compile; throws what the C# generator throws.</summary>
    public static string? Generate(string name, IProtoFileResolver resolver, string options = "")
    {
        CompilationResult result = ProtoCompiler.Compile([name], new FirstMatchResolver(WellKnownTypesResolver.Instance, resolver), TestContext.Current.CancellationToken);
        if (!result.Success)
        {
            return null;
        }

        return CSharpGenerator.Generate(result.AllFiles.Select(f => f.ToFileDescriptorProto(includeSourceInfo: f.Name == name)), [name], CSharpGeneratorOptions.Parse(options))[0].Content;
    }

    private sealed class FirstMatchResolver(params IProtoFileResolver[] resolvers) : IProtoFileResolver
    {
        public bool TryRead(string name, out string content, out string displayPath)
        {
            foreach (IProtoFileResolver resolver in resolvers)
            {
                if (resolver.TryRead(name, out content, out displayPath))
                {
                    return true;
                }
            }

            content = "";
            displayPath = name;
            return false;
        }
    }
}
