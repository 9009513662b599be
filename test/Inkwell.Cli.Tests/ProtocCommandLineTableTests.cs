using Inkwell.Cli.Tests.Support;

namespace Inkwell.Cli.Tests;

/// <summary>
/// Command lines that combine flags protoc checks against each other (modes, outputs, repeated flags) or that fail
/// part-way (a generator or a write), run by protoc 35.1 and by <c>inkwell protoc</c> each in its own copy of one
/// folder: the exit status, both streams and the names of the files left in the folder must be the same (the C# in
/// them is Inkwell's generator's, not protoc's).
/// </summary>
public sealed class ProtocCommandLineTableTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("inkwell-protoc-table-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>Arguments separated by <c>|</c>, run in a folder holding a.proto, the plugins below, an empty x.pb and a folder o.</summary>
    [Theory]
    // A mode flag is checked against the flags before it, where protoc meets it; output flags against the mode before them.
    [InlineData("--decode_raw|-o|x.pb")]
    [InlineData("-o|x.pb|--decode_raw")]
    [InlineData("--decode_raw|--print_free_field_numbers")]
    [InlineData("--print_free_field_numbers|--decode_raw")]
    [InlineData("--decode=t.A|--decode_raw")]
    [InlineData("--decode_raw|--decode=t.A")]
    [InlineData("--decode=t.A|--decode=t.A|a.proto")]
    [InlineData("--decode_raw|--decode_raw")]
    [InlineData("--decode=t.A|--csharp_out=o|a.proto")]
    [InlineData("--csharp_out=o|--decode=t.A|a.proto")]
    [InlineData("--decode_raw|--csharp_out=o")]
    [InlineData("--csharp_out=o|--decode_raw")]
    [InlineData("--decode_raw|--f1_out=o")]
    [InlineData("--f1_out=o|--decode_raw")]
    [InlineData("--decode_raw|--proto_out=o")]
    [InlineData("--proto_out=o|--decode_raw")]
    [InlineData("--decode_raw|--grpc_out=o")]
    [InlineData("--print_free_field_numbers|--csharp_out=o|a.proto")]
    [InlineData("--csharp_out=o|--print_free_field_numbers|a.proto")]
    [InlineData("--print_free_field_numbers|-o|x.pb|a.proto")]
    [InlineData("-o|x.pb|--print_free_field_numbers|a.proto")]
    [InlineData("--print_free_field_numbers|--print_free_field_numbers|a.proto")]
    [InlineData("--print_free_field_numbers|--decode=t.A|a.proto")]
    [InlineData("--decode=t.A|--print_free_field_numbers|a.proto")]
    [InlineData("--decode_raw=foo")]
    [InlineData("--decode=|a.proto")]
    [InlineData("--decode")]
    [InlineData("--decode=|--decode_raw")]
    [InlineData("-o|x.pb|--decode=")]
    [InlineData("--decode_raw|a.proto")]
    [InlineData("--decode_raw|--descriptor_set_in=x.pb")]
    [InlineData("--decode=t.A")]
    [InlineData("--print_free_field_numbers")]
    // Checks of the whole command line, in protoc's order, and its warnings.
    [InlineData("--decode_raw|--dependency_out=d")]
    [InlineData("--print_free_field_numbers|--dependency_out=d|a.proto")]
    [InlineData("--decode=t.A|--dependency_out=d|a.proto")]
    [InlineData("--dependency_out=d|--decode=t.A|a.proto")]
    [InlineData("--decode=t.A|--include_imports|a.proto")]
    [InlineData("--decode=t.A|--include_source_info|a.proto")]
    [InlineData("--decode_raw|--include_imports")]
    [InlineData("--csharp_out=o|--include_imports|a.proto")]
    [InlineData("--retain_options|--include_source_info|--include_imports|--csharp_out=o|a.proto")]
    [InlineData("--print_free_field_numbers|--retain_options|a.proto")]
    [InlineData("--grpc_opt=x|--csharp_out=o|a.proto")]
    [InlineData("--proto_opt=x|--csharp_out=o|a.proto")]
    [InlineData("--csharp_opt=x|a.proto")]
    [InlineData("--decode_raw|--csharp_opt=x")]
    [InlineData("a.proto")]
    // Flags given twice.
    [InlineData("--include_imports|--include_imports|-o|x.pb|a.proto")]
    [InlineData("--include_source_info|--include_source_info|-o|x.pb|a.proto")]
    [InlineData("--fatal_warnings|--fatal_warnings|-o|x.pb|a.proto")]
    [InlineData("-o|x.pb|-o|y.pb|a.proto")]
    [InlineData("--csharp_out=o|--csharp_out=o|a.proto")]
    [InlineData("--dependency_out=|a.proto")]
    [InlineData("--descriptor_set_out=|a.proto")]
    // Generators run in command-line order, built-in ones among the plugins; the first to fail ends the run, nothing written.
    [InlineData("--plugin=protoc-gen-f1=fail1.sh|--plugin=protoc-gen-f2=fail2.sh|--f1_out=o|--f2_out=o|a.proto")]
    [InlineData("--plugin=protoc-gen-f1=fail1.sh|--f1_out=o|--csharp_opt=bogus|--csharp_out=o|a.proto")]
    [InlineData("--plugin=protoc-gen-f1=fail1.sh|--csharp_out=missing|--f1_out=o|a.proto")]
    [InlineData("--plugin=protoc-gen-f1=fail1.sh|--csharp_out=o|--f1_out=o|-o|x.pb|a.proto")]
    // A plugin's end as protoc tells it: killed by a signal, or an exit status above 128 that is not one.
    [InlineData("--plugin=protoc-gen-f1=segv.sh|--f1_out=o|a.proto")]
    [InlineData("--plugin=protoc-gen-f1=killed.sh|--f1_out=o|a.proto")]
    [InlineData("--plugin=protoc-gen-f1=exit139.sh|--f1_out=o|a.proto")]
    [InlineData("--plugin=protoc-gen-f1=exit200.sh|--f1_out=o|a.proto")]
    [InlineData("--plugin=protoc-gen-f1=missing.sh|--f1_out=o|a.proto")]
    // A file written twice fails the run when its folder is written: later generators still run.
    [InlineData("--plugin=protoc-gen-f1=fail1.sh|--csharp_out=o|--csharp_out=o|--f1_out=o|a.proto")]
    [InlineData("--csharp_out=o|--csharp_out=o|-o|x.pb|a.proto")]
    // Writing: the generated files, then the dependency file, then the descriptor set; protoc's strerror texts.
    [InlineData("-o|/nonexistent/x.pb|--csharp_out=o|a.proto")]
    [InlineData("--dependency_out=/nonexistent/d|-o|/nonexistent/x.pb|a.proto")]
    [InlineData("--dependency_out=/nonexistent/d|--csharp_out=o|a.proto")]
    public void CommandLine_DoesWhatProtocDoes(string arguments)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The test plugins are shell scripts.");
        }

        string[] args = arguments.Split('|');
        Outcome protoc = Run(Folder("protoc"), folder => ProcessRun.Run(ProtocOracle.ProtocPath, args, folder, inputFile: Path.Combine(folder, "x.pb")));
        Outcome inkwell = Run(Folder("inkwell"), folder => InkwellTool.Run(["protoc", .. args], folder, Path.Combine(folder, "x.pb")));

        Assert.Equal(protoc, inkwell);
    }

    private sealed record Outcome(int ExitCode, string Output, string Error, string Files);

    private static Outcome Run(string folder, Func<string, ProcessResult> run)
    {
        var (exitCode, output, error) = run(folder);
        IEnumerable<string> files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        return new Outcome(exitCode, output, error, string.Join("\n", files));
    }

    /// <summary>
    /// A fresh copy of the test folder: a.proto, empty x.pb, o/, and plugins that fail: with status 3 and 4 after a line
    /// on stderr, 139 and 200, or killed by SIGSEGV (before reading the request) and SIGKILL (after).
    /// </summary>
    private string Folder(string name)
    {
        string folder = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(folder, "a.proto"), "syntax = \"proto3\";\npackage t;\nmessage A { int32 x = 1; }\n");
        File.WriteAllBytes(Path.Combine(folder, "x.pb"), []);
        Directory.CreateDirectory(Path.Combine(folder, "o"));
        foreach ((string plugin, string body) in new[]
        {
            ("fail1.sh", "cat > /dev/null\necho 'fail1 was here' >&2\nexit 3"),
            ("fail2.sh", "cat > /dev/null\necho 'fail2 was here' >&2\nexit 4"),
            ("exit139.sh", "cat > /dev/null\nexit 139"),
            ("exit200.sh", "cat > /dev/null\nexit 200"),
            ("segv.sh", "kill -SEGV $$"),
            ("killed.sh", "cat > /dev/null\nkill -KILL $$"),
        })
        {
            string path = Path.Combine(folder, plugin);
            File.WriteAllText(path, $"#!/bin/sh\n{body}\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
            }
        }

        return folder;
    }
}
