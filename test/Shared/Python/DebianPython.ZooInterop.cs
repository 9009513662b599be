namespace Inkwell.Testing;

/// <content>
/// Debian's <c>python3-protobuf</c> running <c>zoo_interop.py</c> from the test output (linked from test/Shared into the
/// test projects that exchange bytes with it).
/// </content>
internal static partial class DebianPython
{
    private static string ZooInteropScript => Path.Combine(AppContext.BaseDirectory, "Shared", "zoo_interop.py");

    /// <summary>Skips the test when /usr/bin/python3 or its protobuf module is missing.</summary>
    public static void Require() => Require("google.protobuf.message_factory", "python3-protobuf");

    /// <summary>The message in <paramref name="file"/>, one line per level: <c>zoo.Animal:weight=2.5</c>, <c>zoo.Cat:declawed=true</c>, ….</summary>
    public static string[] Read(string descriptorSet, string encoding, string messageType, string file) =>
        RunZooInterop(descriptorSet, encoding, "read", messageType, file).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Builds the message <paramref name="levels"/> describes (the lines <see cref="Read"/> prints) with Python's API and returns its bytes.</summary>
    public static byte[] Write(string descriptorSet, string encoding, IEnumerable<string> levels, string file)
    {
        RunZooInterop(descriptorSet, encoding, "write", file, string.Join('/', levels));
        return File.ReadAllBytes(file);
    }

    /// <summary>
    /// The elements of the repeated <paramref name="field"/> of the <paramref name="containerType"/> in <paramref name="file"/>,
    /// one per line, each its levels joined by <c>/</c>: <c>zoo.Animal:weight=30/zoo.Dog:bones_buried=3</c>.
    /// </summary>
    public static string[] ReadList(string descriptorSet, string encoding, string containerType, string field, string file) =>
        RunZooInterop(descriptorSet, encoding, "read-list", containerType, field, file).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Builds a <paramref name="containerType"/> whose repeated <paramref name="field"/> holds the <paramref name="elements"/> (as <see cref="ReadList"/> prints them) and returns its bytes.</summary>
    public static byte[] WriteList(string descriptorSet, string encoding, string containerType, string field, IEnumerable<string> elements, string file)
    {
        RunZooInterop([descriptorSet, encoding, "write-list", containerType, field, file, .. elements]);
        return File.ReadAllBytes(file);
    }

    private static string RunZooInterop(params string[] args)
    {
        (int exitCode, string output, string error) = Run([ZooInteropScript, .. args]);
        Assert.True(exitCode == 0, $"zoo_interop.py {string.Join(' ', args)} failed:\n{error}");
        return output;
    }
}
