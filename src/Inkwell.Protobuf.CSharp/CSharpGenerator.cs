using System;
using System.Collections.Generic;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.CSharp.Internal;
using Inkwell.Protobuf.CSharp.Internal.Emit;
using Inkwell.Protobuf.CSharp.Internal.Model;

namespace Inkwell.Protobuf.CSharp;

/// <summary>
/// Generates C# for the Google.Protobuf runtime from descriptors, with the same public API as
/// protoc's <c>--csharp_out</c>: one file per .proto holding the reflection class, extension
/// identifiers, enums and messages.
/// </summary>
public static class CSharpGenerator
{
    /// <summary>Generates one C# file for each file in <paramref name="filesToGenerate"/>.</summary>
    /// <param name="filesToGenerate">The names of the .proto files to generate code for (as in <see cref="FileDescriptorProto.Name"/>).</param>
    /// <param name="allFiles">Every file involved, including all dependencies (as in a descriptor set written with <c>--include_imports</c>).</param>
    /// <param name="options">The generator options; null for the defaults.</param>
    /// <returns>The generated files, in the order of <paramref name="filesToGenerate"/>.</returns>
    /// <exception cref="CSharpGenerationException">A dependency or type is missing, or <c>base_namespace</c> does not fit a file's namespace.</exception>
    public static IReadOnlyList<GeneratedFile> Generate(
        IEnumerable<string> filesToGenerate,
        IEnumerable<FileDescriptorProto> allFiles,
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
        return Generate(names, set.File, options);
    }
}
