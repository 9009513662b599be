using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf;

namespace Inkwell.Protobuf.CSharp.Tests.Infrastructure;

/// <summary>
/// An inheritance schema compiled by Inkwell and generated twice: Inkwell's C# with class hierarchies,
/// and protoc's C# of the lowered .proto text (the oracle for the bytes). Cached per schema text.
/// </summary>
internal sealed class HierarchyBuild
{
    private static readonly ConcurrentDictionary<string, Lazy<HierarchyBuild>> s_cache = new();
    private static int s_counter;

    private HierarchyBuild(IReadOnlyDictionary<string, string> sources, string[] preprocessorSymbols)
    {
        CompilationResult result = ProtoCompiler.Compile(sources.Keys, new InMemoryResolver(sources));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        LoweredDescriptorSet = result.GetDescriptorSetBytes(includeImports: true);
        var all = result.AllFiles.Select(f => f.ToFileDescriptorProto()).ToList();
        var toGenerate = sources.Keys.Append(ProtoCompiler.InheritanceProto).ToList();
        InkwellSources = CSharpGenerator.Generate(all, toGenerate).ToDictionary(f => f.RelativePath, f => f.Content);
        int id = Interlocked.Increment(ref s_counter);
        Inkwell = CSharpCompiler.CompileAndLoad($"InkwellHierarchy{id}", InkwellSources, preprocessorSymbols);

        string root = Path.Combine(Path.GetTempPath(), "inkwell-lowered-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The well-known types come with protoc's own include folder and Google.Protobuf's classes.
            var lowered = result.LoweredSources.Where(s => !s.Key.StartsWith("google/protobuf/", StringComparison.Ordinal)).ToList();
            foreach ((string name, string text) in lowered)
            {
                string path = Path.Combine(root, name);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, text);
            }
            Lowered = CSharpCompiler.CompileAndLoad($"ProtocLowered{id}", Protoc.GenerateCSharp(root, [.. lowered.Select(s => s.Key)]));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>Inkwell's C#: the hierarchy as classes.</summary>
    public Assembly Inkwell { get; }

    public Dictionary<string, string> InkwellSources { get; }

    /// <summary>protoc's C# for the lowered schema: the base holds a oneof of subtype messages.</summary>
    public Assembly Lowered { get; }

    /// <summary>The lowered schema as a descriptor set with its imports, for runtimes that build their classes from one.</summary>
    public byte[] LoweredDescriptorSet { get; }

    public static HierarchyBuild For(string fileName, string schema) => For([(fileName, schema)]);

    /// <summary>
    /// The build of several files (import name, text), which may import each other, with Inkwell's C# compiled with
    /// <paramref name="preprocessorSymbols"/> (protoc's stays the plain oracle).
    /// </summary>
    public static HierarchyBuild For((string Name, string Text)[] sources, params string[] preprocessorSymbols) =>
        s_cache.GetOrAdd(
            string.Join("\n", sources.Select(s => s.Name + "\n" + s.Text).Prepend(string.Join(";", preprocessorSymbols))),
            _ => new Lazy<HierarchyBuild>(() => new HierarchyBuild(sources.ToDictionary(s => s.Name, s => s.Text), preprocessorSymbols))).Value;

    public Type InkwellType(string fullName) => Inkwell.GetType(fullName, throwOnError: true)!;

    /// <summary>Inkwell's class for the .proto message <paramref name="protoName"/> (<c>zoo.Kitten</c>): the one whose static <c>Descriptor</c> is that message's.</summary>
    public Type InkwellTypeOf(string protoName) => Inkwell.GetTypes().Single(t => DescriptorOf(t)?.FullName == protoName);

    /// <summary>A generated class's own static <c>Descriptor</c> (every class of a hierarchy declares its level's), or null.</summary>
    public static Google.Protobuf.Reflection.MessageDescriptor? DescriptorOf(Type type) =>
        type.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)?.GetValue(null) as Google.Protobuf.Reflection.MessageDescriptor;

    public Type LoweredType(string fullName) => Lowered.GetType(fullName, throwOnError: true)!;

    /// <summary>A new Inkwell message with properties set.</summary>
    public IMessage New(string fullName, params (string Property, object? Value)[] values) => Set((IMessage)Activator.CreateInstance(InkwellType(fullName))!, values);

    /// <summary>A new message of protoc's lowered code with properties set.</summary>
    public IMessage NewLowered(string fullName, params (string Property, object? Value)[] values) => Set((IMessage)Activator.CreateInstance(LoweredType(fullName))!, values);

    /// <summary>Parses with a hierarchy class's <c>Parser</c> (which resolves the most-derived class).</summary>
    public IMessage Parse(string fullName, byte[] data) => ParseFrom(fullName, typeof(byte[]), data);

    /// <summary>Parses from a stream (through a CodedInputStream) with a hierarchy class's <c>Parser</c>.</summary>
    public IMessage Parse(string fullName, Stream input) => ParseFrom(fullName, typeof(Stream), input);

    private IMessage ParseFrom(string fullName, Type parameter, object data)
    {
        object parser = InkwellType(fullName).GetProperty("Parser", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)!.GetValue(null)!;
        MethodInfo parse = parser.GetType().GetMethod("ParseFrom", [parameter])!;
        try
        {
            return (IMessage)parse.Invoke(parser, [data])!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    public static IMessage ParseLowered(Type type, byte[] data) =>
        ((MessageParser)type.GetProperty("Parser", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!).ParseFrom(data);

    public static object? Get(object message, string property) => message.GetType().GetProperty(property)!.GetValue(message);

    /// <summary>Sets properties of a message by name; returns it.</summary>
    public static IMessage Set(IMessage message, (string Property, object? Value)[] values)
    {
        foreach ((string property, object? value) in values)
        {
            message.GetType().GetProperty(property)!.SetValue(message, value);
        }
        return message;
    }
}
