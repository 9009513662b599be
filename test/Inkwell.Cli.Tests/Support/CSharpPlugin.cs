using Inkwell.Protobuf.CSharp.Plugin;

namespace Inkwell.Cli.Tests.Support;

/// <summary>
/// The <c>protoc-gen-inkwell-csharp</c> this test project builds (a project reference): an executable protoc can run,
/// the SDK's app host next to the assembly, or, where there is none, a launcher script written beside it.
/// </summary>
internal static class CSharpPlugin
{
    private static readonly Lazy<string> s_path = new(Locate);

    /// <summary>The executable to hand protoc as <c>--plugin=protoc-gen-inkwell-csharp=PATH</c>.</summary>
    public static string Path => s_path.Value;

    private static string Assembly => typeof(PluginGenerator).Assembly.Location;

    /// <summary>Writes an executable script at <paramref name="path"/> that runs the plugin (a test of PATH lookup names it so).</summary>
    public static void WriteLauncher(string path)
    {
        // dotnet test sets DOTNET_HOST_PATH to the dotnet that runs it; a plain dotnet on PATH otherwise.
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
        File.WriteAllText(path, $"#!/bin/sh\nexec '{dotnet}' '{Assembly}' \"$@\"\n");
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("The plugin launcher is a shell script.");
        }
        else
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.UserExecute);
        }
    }

    private static string Locate()
    {
        string appHost = System.IO.Path.ChangeExtension(Assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        if (File.Exists(appHost))
        {
            return appHost;
        }

        string launcher = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(Assembly)!, "protoc-gen-inkwell-csharp.sh");
        WriteLauncher(launcher);
        return launcher;
    }
}
