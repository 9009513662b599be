namespace Inkwell.Protobuf.Tests.Support;

/// <summary>Finds ../shared/corpus (next to the repository), or INKWELL_CORPUS; absent in a user's clone.</summary>
internal static class Corpus
{
    private static readonly Lazy<string?> s_root = new(Locate);

    public static string? Root => s_root.Value;

    public static string? Protobuf => Root is null ? null : System.IO.Path.Combine(Root, "protobuf");

    public static string? GoogleAds => Root is null ? null : System.IO.Path.Combine(Root, "googleads");

    public static string RequireProtobuf() => Require(Protobuf);

    public static string RequireGoogleAds() => Require(GoogleAds);

    private static string Require(string? path)
    {
        if (path is null || !Directory.Exists(path))
        {
            Assert.Skip("The test corpus (../shared/corpus next to the repository, or INKWELL_CORPUS) is not present.");
        }

        return path!;
    }

    private static string? Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("INKWELL_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "protobuf")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The corpus/protobuf files as import names, sorted; one placeholder row when the corpus is absent.</summary>
    public static IEnumerable<TheoryDataRow<string>> ProtobufFiles()
    {
        if (Protobuf is null)
        {
            return [new TheoryDataRow<string>("(corpus absent)")];
        }

        return Directory.EnumerateFiles(Protobuf, "*.proto", SearchOption.AllDirectories)
            .Select(f => System.IO.Path.GetRelativePath(Protobuf, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(f => new TheoryDataRow<string>(f));
    }
}
