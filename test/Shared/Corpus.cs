namespace Inkwell.Testing;

/// <summary>
/// The test corpus: <c>shared/corpus</c> next to the repository (found by walking up from the test assembly), or
/// the folder <c>INKWELL_CORPUS</c> names. Absent in a user's clone, where the tests that need it skip with the reason.
/// Compiled into each test project that needs it (linked from test/Shared).
/// </summary>
internal static class Corpus
{
    private static readonly Lazy<string?> s_root = new(Locate);

    /// <summary>The corpus folder, or null.</summary>
    public static string? Root => s_root.Value;

    /// <summary>protobuf's own test schemas (one import root), or null.</summary>
    public static string? Protobuf => Existing(Root is null ? null : Path.Combine(Root, "protobuf"));

    /// <summary>The Google Ads API (see its README for the import roots), or null.</summary>
    public static string? GoogleAds => Existing(Root is null ? null : Path.Combine(Root, "googleads"));

    /// <summary>The protobuf corpus folder, or a skip with the reason.</summary>
    public static string RequireProtobuf() => Require(Protobuf, "protobuf");

    /// <summary>The googleads corpus folder, or a skip with the reason.</summary>
    public static string RequireGoogleAds() => Require(GoogleAds, "googleads");

    /// <summary>The protobuf corpus files as import names, sorted; one placeholder row when the corpus is absent.</summary>
    public static IEnumerable<TheoryDataRow<string>> ProtobufFiles()
    {
        if (Protobuf is not { } root)
        {
            return [new TheoryDataRow<string>("(corpus absent)")];
        }

        return Directory.EnumerateFiles(root, "*.proto", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .Select(f => new TheoryDataRow<string>(f));
    }

    private static string Require(string? path, string part)
    {
        if (path is null)
        {
            Assert.Skip($"The test corpus's {part} folder (../shared/corpus/{part} next to the repository, or under INKWELL_CORPUS) is not present.");
        }

        return path!;
    }

    private static string? Existing(string? path) => path is not null && Directory.Exists(path) ? path : null;

    private static string? Locate()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("INKWELL_CORPUS");
        if (!string.IsNullOrEmpty(fromEnvironment) && Directory.Exists(fromEnvironment))
        {
            return fromEnvironment;
        }

        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "corpus");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
