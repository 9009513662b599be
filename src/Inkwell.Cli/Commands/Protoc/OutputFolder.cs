using System.Text;

namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// The files generated into one output folder during a run, kept in memory until every generator has succeeded
/// (protoc's GeneratorContextImpl): later plugins can insert into files written earlier into the same folder.
/// </summary>
internal sealed class OutputFolder(string location, bool allowEscape)
{
    private readonly Dictionary<string, StringBuilder> _files = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>The folder, as given on the command line.</summary>
    public string Location { get; } = location;

    /// <summary>The generated files' names below <see cref="Location"/>, in the order they were generated.</summary>
    public IReadOnlyList<string> Names => _order;

    /// <summary>
    /// Whether adding or inserting failed: as protoc's GeneratorContextImpl, the run goes on (later generators still
    /// run) and fails when it comes to write this folder, with nothing more printed.
    /// </summary>
    public bool HadError { get; private set; }

    /// <summary>Adds a new file; false (and <see cref="HadError"/>) after printing protoc's message if a file of that name was already written.</summary>
    public bool Add(string name, string content, TextWriter error)
    {
        if (_files.ContainsKey(name))
        {
            error.WriteLine($"{name}: Tried to write the same file twice.");
            HadError = true;
            return false;
        }

        _files[name] = new StringBuilder(content);
        _order.Add(name);
        return true;
    }

    /// <summary>
    /// Inserts <paramref name="content"/> at <c>@@protoc_insertion_point(POINT)</c> of a file already generated into
    /// this folder, as protoc does: before the line holding the point, each line indented as that line (or right
    /// before an inline <c>/* @@protoc_insertion_point(POINT) */</c>). False after printing protoc's message.
    /// </summary>
    public bool Insert(string name, string point, string content, TextWriter error)
    {
        if (content.Length > 0 && content[^1] != '\n')
        {
            content += "\n";
        }

        if (!_files.TryGetValue(name, out StringBuilder? target))
        {
            error.WriteLine($"{name}: Tried to insert into file that doesn't exist.");
            HadError = true;
            return false;
        }

        string text = target.ToString();
        int position = text.IndexOf($"@@protoc_insertion_point({point})", StringComparison.Ordinal);
        if (position < 0)
        {
            error.WriteLine($"{name}: insertion point \"{point}\" not found.");
            HadError = true;
            return false;
        }

        if (position > 3 && string.CompareOrdinal(text, position - 3, "/*", 0, 2) == 0)
        {
            position -= 3;
        }
        else
        {
            position = text.LastIndexOf('\n', position) + 1;
        }

        int indentEnd = position;
        while (indentEnd < text.Length && text[indentEnd] is ' ' or '\t')
        {
            indentEnd++;
        }

        string indent = text.Substring(position, indentEnd - position);
        if (indent.Length > 0)
        {
            // Every line of the insertion, empty ones too, gets the point's indentation.
            var indented = new StringBuilder();
            foreach (string line in content.Split('\n')[..^1])
            {
                indented.Append(indent).Append(line).Append('\n');
            }

            content = indented.ToString();
        }

        target.Insert(position, content);
        return true;
    }

    /// <summary>Whether the files go into a zip archive at <see cref="Location"/> (a <c>.zip</c> or <c>.jar</c>), as with protoc.</summary>
    public bool IsArchive => ZipArchiveWriter.IsArchive(Location);

    /// <summary>Writes the files below <see cref="Location"/> (or into the archive it names); false after printing an error.</summary>
    public async Task<bool> WriteAsync(TextWriter error, CancellationToken cancellationToken)
    {
        if (IsArchive)
        {
            try
            {
                await File.WriteAllBytesAsync(Location, ZipArchiveWriter.Write(Location, _order.Select(name => (name, _files[name].ToString()))), cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteAsync($"{Location}: {SystemErrorText.Of(e)}").ConfigureAwait(false); // protoc ends this message without a line break
                return false;
            }
        }

        // A plugin must not write outside the folder it was given: protoc refuses any name containing "..", when it writes.
        if (!allowEscape && _order.FirstOrDefault(name => name.Contains("..", StringComparison.Ordinal)) is { } escaping)
        {
            await error.WriteLineAsync($"Output file names must never have a relative path. ({escaping}). Use --unsafe_allow_out_dir_escape to disable this error if intentional.").ConfigureAwait(false);
            return false;
        }

        foreach (string name in _order)
        {
            // A name starting with '/' is still below the folder, as with protoc (Path.Combine would make it absolute).
            string path = Path.Combine(Location, name.TrimStart('/'));
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, _files[name].ToString(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"{path}: {e.Message}").ConfigureAwait(false);
                return false;
            }
        }

        return true;
    }
}
