using System;
using System.Collections.Generic;
using System.Linq;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Internal;
using Inkwell.Protobuf.CSharp.Internal.Emit;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp;

/// <summary>
/// Generates C# for the Google.Protobuf runtime from descriptors, with the same public API as
/// protoc's <c>--csharp_out</c>: one file per .proto holding the reflection class, extension
/// identifiers, enums and messages; and, with <see cref="GenerateServices(IEnumerable{FileDescriptorProto}, IEnumerable{string}, GrpcGeneratorOptions?)"/>,
/// the gRPC service code that grpc_csharp_plugin writes (<c>--grpc_out</c>).
/// </summary>
public static class CSharpGenerator
{
    /// <summary>Generates one C# file for each file in <paramref name="filesToGenerate"/>.</summary>
    /// <param name="allFiles">Every file involved, including all dependencies (as in a descriptor set written with <c>--include_imports</c>).</param>
    /// <param name="filesToGenerate">The names of the .proto files to generate code for (as in <see cref="FileDescriptorProto.Name"/>).</param>
    /// <param name="options">The generator options; null for the defaults.</param>
    /// <returns>The generated files, in the order of <paramref name="filesToGenerate"/>.</returns>
    /// <exception cref="CSharpGenerationException">A dependency or type is missing, or <c>base_namespace</c> does not fit a file's namespace.</exception>
    public static IReadOnlyList<GeneratedFile> Generate(
        IEnumerable<FileDescriptorProto> allFiles,
        IEnumerable<string> filesToGenerate,
        CSharpGeneratorOptions? options = null)
    {
        if (filesToGenerate is null)
        {
            throw new ArgumentNullException(nameof(filesToGenerate));
        }
        if (allFiles is null)
        {
            throw new ArgumentNullException(nameof(allFiles));
        }
        options ??= new CSharpGeneratorOptions();
        var linker = new Linker(allFiles);
        var result = new List<GeneratedFile>();
        foreach (string name in filesToGenerate)
        {
            ProtoFile file = linker.GetFile(name);
            string path = OutputPaths.For(file, options);
            result.Add(new GeneratedFile(path, new FileEmitter(file, options).Emit()));
        }
        return result;
    }

    /// <summary>Generates C# for the files of a descriptor set (as written by <c>protoc --include_imports -o</c>).</summary>
    /// <param name="set">The descriptor set.</param>
    /// <param name="filesToGenerate">The files to generate; every file in the set, dependencies included, when null.</param>
    /// <param name="options">The generator options; null for the defaults.</param>
    public static IReadOnlyList<GeneratedFile> Generate(FileDescriptorSet set, IEnumerable<string>? filesToGenerate = null, CSharpGeneratorOptions? options = null)
    {
        if (set is null)
        {
            throw new ArgumentNullException(nameof(set));
        }
        var names = new List<string>();
        if (filesToGenerate is null)
        {
            foreach (FileDescriptorProto file in set.File)
            {
                names.Add(file.Name);
            }
        }
        else
        {
            names.AddRange(filesToGenerate);
        }
        return Generate(set.File, names, options);
    }

    /// <summary>
    /// Generates the gRPC service code (the text grpc_csharp_plugin writes, for Grpc.Core.Api) of each file in
    /// <paramref name="filesToGenerate"/> that declares services; files without services give no file. The
    /// messages' code comes from <see cref="Generate(IEnumerable{FileDescriptorProto}, IEnumerable{string}, CSharpGeneratorOptions?)"/>.
    /// </summary>
    /// <param name="allFiles">Every file involved, including all dependencies (as in a descriptor set written with <c>--include_imports</c>).</param>
    /// <param name="filesToGenerate">The names of the .proto files to generate code for (as in <see cref="FileDescriptorProto.Name"/>).</param>
    /// <param name="options">The plugin's options; null for the defaults (client and server).</param>
    /// <returns>The generated files, in the order of <paramref name="filesToGenerate"/>.</returns>
    /// <exception cref="CSharpGenerationException">A dependency or type is missing, or <c>base_namespace</c> does not fit a file's namespace.</exception>
    public static IReadOnlyList<GeneratedFile> GenerateServices(
        IEnumerable<FileDescriptorProto> allFiles,
        IEnumerable<string> filesToGenerate,
        GrpcGeneratorOptions? options = null)
    {
        if (filesToGenerate is null)
        {
            throw new ArgumentNullException(nameof(filesToGenerate));
        }
        if (allFiles is null)
        {
            throw new ArgumentNullException(nameof(allFiles));
        }
        options ??= new GrpcGeneratorOptions();
        var linker = new Linker(allFiles);
        var result = new List<GeneratedFile>();
        foreach (string name in filesToGenerate)
        {
            ProtoFile file = linker.GetFile(name);
            if (file.Services.Count == 0)
            {
                continue;
            }
            string path = OutputPaths.ForServices(file, options);
            result.Add(new GeneratedFile(path, new ServiceFileEmitter(file, options).Emit()));
        }
        return result;
    }

    /// <summary>Generates the gRPC service code for the files of a descriptor set (as written by <c>protoc --include_imports -o</c>).</summary>
    /// <param name="set">The descriptor set.</param>
    /// <param name="filesToGenerate">The files to generate; every file in the set, dependencies included, when null.</param>
    /// <param name="options">The plugin's options; null for the defaults.</param>
    public static IReadOnlyList<GeneratedFile> GenerateServices(FileDescriptorSet set, IEnumerable<string>? filesToGenerate = null, GrpcGeneratorOptions? options = null)
    {
        if (set is null)
        {
            throw new ArgumentNullException(nameof(set));
        }
        return GenerateServices(set.File, filesToGenerate ?? set.File.Select(f => f.Name).ToList(), options);
    }
}
