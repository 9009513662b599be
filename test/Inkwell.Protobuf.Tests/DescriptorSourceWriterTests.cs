using Google.Protobuf;
using Google.Protobuf.Reflection;
using Inkwell.Protobuf.Descriptors;
using Inkwell.Protobuf.Syntax;
using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests;

/// <summary>
/// The .proto text a <c>--descriptor_set_in</c> file is bound from: written back from protoc's descriptors of a corpus
/// file and its imports, then compiled by protoc again, it must give the same descriptors in everything the text
/// promises to carry (docs: <see cref="DescriptorSourceWriter"/>) — reserved ranges and options other than features,
/// defaults, declarations and the few named there are left out of the comparison.
/// </summary>
public sealed class DescriptorSourceWriterTests
{
    [Theory]
    [MemberData(nameof(Corpus.ProtobufFiles), MemberType = typeof(Corpus))]
    public void WrittenBack_CompiledByProtoc_GivesTheDescriptorsItCarries(string file)
    {
        string root = Corpus.RequireProtobuf();
        Protoc.Require();
        (int exitCode, string error, byte[]? original) = Protoc.Run(["-I" + root, "--include_imports", file], root);
        if (exitCode != 0 || original is null)
        {
            Assert.Skip($"protoc does not compile {file} on its own: {error}");
        }

        FileDescriptorSet set = FileDescriptorSet.Parser.ParseFrom(original);
        string folder = Directory.CreateTempSubdirectory("inkwell-written-back-").FullName;
        try
        {
            foreach (FileDescriptorProto proto in set.File)
            {
                string path = Path.Combine(folder, proto.Name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, DescriptorSourceWriter.Write(proto));
            }

            (int backExitCode, string backError, byte[]? back) = Protoc.Run(["-I" + folder, "--include_imports", file], folder);
            if (backExitCode != 0)
            {
                // An edition 2024 file's `enforce_naming_style = STYLE_LEGACY` is source-retention, gone from the set: then
                // protoc refuses its own set (--descriptor_set_in) as it refuses the text, which is what Inkwell must do.
                string setPath = Path.Combine(folder, "original.pb");
                File.WriteAllBytes(setPath, original);
                (int setExitCode, string setError, _) = Protoc.Run(["--descriptor_set_in=" + setPath, file], folder);
                if (setExitCode != 0)
                {
                    Assert.Skip($"protoc refuses its own set of {file} too: {setError}");
                }
            }

            Assert.True(backExitCode == 0 && back is not null, $"protoc rejects the written-back text: {backError}");
            FileDescriptorSet backSet = FileDescriptorSet.Parser.ParseFrom(back);
            Assert.Equal(set.File.Select(f => f.Name), backSet.File.Select(f => f.Name));
            for (int i = 0; i < set.File.Count; i++)
            {
                string[] expected = Lines(Carried(set.File[i]));
                string[] actual = Lines(Carried(backSet.File[i]));
                int first = Enumerable.Range(0, Math.Min(expected.Length, actual.Length)).FirstOrDefault(n => expected[n] != actual[n], Math.Min(expected.Length, actual.Length));
                Assert.True(expected.SequenceEqual(actual), $"{set.File[i].Name} differs at line {first}:\n  original:     {string.Join("\n                ", expected.Skip(first - 3).Take(8))}\n  written back: {string.Join("\n                ", actual.Skip(first - 3).Take(8))}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A descriptor as indented JSON lines, so that a difference shows where it is.</summary>
    private static string[] Lines(FileDescriptorProto file) =>
        System.Text.Json.Nodes.JsonNode.Parse(JsonFormatter.Default.Format(file))!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).Split('\n');

    /// <summary>What the written-back text carries of <paramref name="original"/>.</summary>
    private static FileDescriptorProto Carried(FileDescriptorProto original)
    {
        FileDescriptorProto file = original.Clone();
        file.SourceCodeInfo = null;
        file.Options = Keep(file.Options, o => new Google.Protobuf.Reflection.FileOptions { Features = Standard(o.Features) });
        foreach (DescriptorProto message in file.MessageType)
        {
            Strip(message);
        }

        foreach (EnumDescriptorProto enumType in file.EnumType)
        {
            Strip(enumType);
        }

        foreach (FieldDescriptorProto extension in file.Extension)
        {
            Strip(extension);
        }

        foreach (ServiceDescriptorProto service in file.Service)
        {
            service.Options = Keep(service.Options, o => new ServiceOptions { Features = Standard(o.Features) });
            foreach (MethodDescriptorProto method in service.Method)
            {
                method.Options = Keep(method.Options, o => new MethodOptions { Features = Standard(o.Features) });
            }
        }

        return file;
    }

    private static void Strip(DescriptorProto message)
    {
        message.ReservedRange.Clear();
        message.ReservedName.Clear();
        message.Options = Keep(message.Options, o =>
        {
            var kept = new MessageOptions { Features = Standard(o.Features) };
            if (o.MessageSetWireFormat)
            {
                kept.MessageSetWireFormat = true;
            }

            if (o.HasMapEntry)
            {
                kept.MapEntry = o.MapEntry;
            }

            return kept;
        });
        foreach (FieldDescriptorProto field in message.Field.Concat(message.Extension))
        {
            Strip(field);
        }

        foreach (OneofDescriptorProto oneof in message.OneofDecl)
        {
            oneof.Options = Keep(oneof.Options, o => new OneofOptions { Features = Standard(o.Features) });
        }

        foreach (DescriptorProto.Types.ExtensionRange range in message.ExtensionRange)
        {
            range.Options = Keep(range.Options, o =>
            {
                var kept = new ExtensionRangeOptions { Features = Standard(o.Features) };
                kept.Declaration.AddRange(o.Declaration);
                if (o.HasVerification)
                {
                    kept.Verification = o.Verification;
                }

                return kept;
            });
        }

        foreach (DescriptorProto nested in message.NestedType)
        {
            Strip(nested);
        }

        foreach (EnumDescriptorProto enumType in message.EnumType)
        {
            Strip(enumType);
        }
    }

    private static void Strip(FieldDescriptorProto field)
    {
        field.Options = Keep(field.Options, o => new FieldOptions { Features = Standard(o.Features) });
        if (field.HasJsonName && field.JsonName == JsonNames.Default(field.Name))
        {
            // Written only where it differs from the default: a json_name that repeats it is not carried.
            field.ClearJsonName();
        }
    }

    private static void Strip(EnumDescriptorProto enumType)
    {
        enumType.ReservedRange.Clear();
        enumType.ReservedName.Clear();
        enumType.Options = Keep(enumType.Options, o => o.AllowAlias ? new EnumOptions { Features = Standard(o.Features), AllowAlias = true } : new EnumOptions { Features = Standard(o.Features) });
        foreach (EnumValueDescriptorProto value in enumType.Value)
        {
            value.Options = Keep(value.Options, o => new EnumValueOptions { Features = Standard(o.Features) });
        }
    }

    /// <summary>
    /// protobuf's own features of a set (the text leaves other languages' feature extensions out); null when none.
    /// </summary>
    private static FeatureSet? Standard(FeatureSet? features)
    {
        if (features is null)
        {
            return null;
        }

        var standard = new FeatureSet();
        foreach (FieldDescriptor field in FeatureSet.Descriptor.Fields.InFieldNumberOrder().Where(f => f.Accessor.HasValue(features)))
        {
            field.Accessor.SetValue(standard, field.Accessor.GetValue(features));
        }

        return standard.Equals(new FeatureSet()) ? null : standard;
    }

    /// <summary>The kept part of an options message; null when nothing of it is kept (as the text then writes none).</summary>
    private static T? Keep<T>(T? options, Func<T, T> kept) where T : class, IMessage<T>, new()
    {
        if (options is null)
        {
            return null;
        }

        T result = kept(options);
        return result.Equals(new T()) ? null : result;
    }
}
