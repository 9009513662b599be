using System.Text.RegularExpressions;

namespace Inkwell.Cli.Tests.Docs;

/// <summary>
/// docs/diagnostics.md lists every diagnostic id the libraries report, and only those: an id written in src/ (C# code,
/// MSBuild files, analyzer release files) must have a row on the page, and a row's id must be written somewhere in src/.
/// </summary>
public sealed partial class DiagnosticsPageTests
{
    [Fact]
    public void EveryIdInTheCode_HasARowOnThePage_AndEveryRowAnIdInTheCode()
    {
        string root = RepositoryRoot();
        string page = File.ReadAllText(Path.Combine(root, "docs", "diagnostics.md"));
        SortedSet<string> documented = [.. TableRowId().Matches(page).Select(m => m.Groups["id"].Value)];

        var used = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string file in SourceFiles(Path.Combine(root, "src")))
        {
            foreach (Match match in Id().Matches(File.ReadAllText(file)))
            {
                used.Add(match.Value);
            }
        }

        Assert.NotEmpty(used); // the scan found the ids, not an empty folder
        Assert.Empty(used.Except(documented, StringComparer.Ordinal)); // raised but not on the page
        Assert.Empty(documented.Except(used, StringComparer.Ordinal)); // on the page but raised nowhere
    }

    [Fact]
    public void EachId_HasOneRow()
    {
        string page = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "diagnostics.md"));
        string[] rows = [.. TableRowId().Matches(page).Select(m => m.Groups["id"].Value)];
        Assert.Equal(rows.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    private static IEnumerable<string> SourceFiles(string src) =>
        Directory.EnumerateFiles(src, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f) is ".cs" or ".targets" or ".props" or ".md")
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string RepositoryRoot()
    {
        DirectoryInfo? directory = new(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Inkwell.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Inkwell.slnx not found above " + AppContext.BaseDirectory);
    }

    // An id as code writes it: IWP, IWR, IWZ or IWC and three digits.
    [GeneratedRegex(@"\bIW[PRZC][0-9]{3}\b")]
    private static partial Regex Id();

    // A table row of the page that starts with an id.
    [GeneratedRegex(@"^\| (?<id>IW[PRZC][0-9]{3}) \|", RegexOptions.Multiline)]
    private static partial Regex TableRowId();
}
