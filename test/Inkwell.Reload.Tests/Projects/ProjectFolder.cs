using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Reload.Tests.Projects;

/// <summary>A real SDK project written out to a temporary folder (restored against the machine's package source
/// when the host starts) and a host running it, removed afterwards.</summary>
public sealed class ProjectFolder : IDisposable
{
    /// <summary>In the local package cache here and restorable from the package source in CI (the repository's own
    /// tests depend on it).</summary>
    public const string NewtonsoftJson = """<PackageReference Include="Newtonsoft.Json" Version="13.0.3" />""";

    private ReloadHost? _host;

    public ProjectFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "inkwell-project-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string ProjectFile => PathOf("App.csproj");

    public ReloadHost Host => _host ?? throw new InvalidOperationException("Start the host first.");

    public string PathOf(string name) => Path.Combine(Root, name);

    /// <summary>Writes <c>App.csproj</c>: a console app as <c>dotnet new console</c> makes it, plus <paramref name="items"/>
    /// and <paramref name="properties"/>.</summary>
    public ProjectFolder WriteProject(string items = "", string properties = "", string sdk = "Microsoft.NET.Sdk")
    {
        return Write("App.csproj", $"""
            <Project Sdk="{sdk}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                {items}
              </ItemGroup>
            </Project>
            """);
    }

    public ProjectFolder Write(string name, string text)
    {
        string path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>Starts a host on the project (without the warm-up compiles unless <paramref name="warmUp"/>, to save time).</summary>
    public ReloadHost Start(bool expectSuccess = true, ILoggerFactory? log = null, bool warmUp = false)
    {
        var options = new ReloadHostOptions { ProjectFile = ProjectFile, Watch = WatchMode.None, WarmUp = warmUp, LoggerFactory = log ?? NullLoggerFactory.Instance };
        _host = new ReloadHost(options);
        ReloadResult result = _host.Start(TestContext.Current.CancellationToken);
        if (expectSuccess)
        {
            Assert.True(result.Succeeded, $"{result}\n{string.Join(Environment.NewLine, result.Diagnostics)}{result.Failure}");
        }

        return _host;
    }

    public ReloadResult Reload()
    {
        ReloadResult result = Host.Reload(TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, $"{result}\n{string.Join(Environment.NewLine, result.Diagnostics)}{result.Failure}");
        return result;
    }

    public object? Call(string typeName, string method, params object?[] arguments)
    {
        Type type = Host.FindType(typeName) ?? throw new InvalidOperationException($"No type {typeName} is loaded.");
        return type.GetMethod(method)!.Invoke(null, arguments);
    }

    public void Dispose()
    {
        _host?.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
