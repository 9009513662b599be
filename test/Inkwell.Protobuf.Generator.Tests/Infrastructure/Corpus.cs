namespace Inkwell.Protobuf.Generator.Tests.Infrastructure;

/// <summary>
/// protobuf's own test schemas in <c>shared/corpus/protobuf</c> next to the repository (or
/// <c>INKWELL_CORPUS</c>); absent in a user's clone, where the tests that need it skip.
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string?> s_root = new(Find);

    public static string? ProtobufRoot => s_root.Value;

    /// <summary>The corpus folder, or a skip with the reason when it is absent.</summary>
    public static string RequireProtobufRoot()
    {
        if (ProtobufRoot is null)
        {
            Assert.Skip("../shared/corpus/protobuf is absent (set INKWELL_CORPUS to its folder to run the corpus tests)");
        }
        return ProtobufRoot;
    }

    private static string? Find()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("INKWELL_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            string candidate = Path.Combine(fromEnvironment, "protobuf");
            return Directory.Exists(candidate) ? candidate : Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "corpus", "protobuf");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
