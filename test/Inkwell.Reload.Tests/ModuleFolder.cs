using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Reload.Tests;

/// <summary>A temporary folder of modules and a host over it, removed afterwards.</summary>
public sealed class ModuleFolder : IDisposable
{
    private ReloadHost? _host;

    public ModuleFolder()
    {
        Root = Path.Combine(Path.GetTempPath(), "inkwell-reload-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public ReloadHost Host => _host ?? throw new InvalidOperationException("Start the host first.");

    public string PathOf(string name) => Path.Combine(Root, name);

    public ModuleFolder Write(string name, string text)
    {
        string path = PathOf(name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public void Delete(string name) => File.Delete(PathOf(name));

    public ReloadHost Start(Func<ReloadHostOptions, ReloadHostOptions>? configure = null, bool expectSuccess = true, ILoggerFactory? log = null)
    {
        var options = new ReloadHostOptions { RootDirectory = Root, Watch = WatchMode.None, WarmUp = false, LoggerFactory = log ?? NullLoggerFactory.Instance };
        options.SharedAssemblies.Add(typeof(ModuleFolder).Assembly);
        options = configure?.Invoke(options) ?? options;
        _host = new ReloadHost(options);
        ReloadResult result = _host.Start(TestContext.Current.CancellationToken);
        if (expectSuccess)
        {
            Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics) + result.Failure);
        }

        return _host;
    }

    /// <summary>Reloads and asserts success, showing the compiler's messages when it fails.</summary>
    public ReloadResult Reload()
    {
        ReloadResult result = Host.Reload(TestContext.Current.CancellationToken);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Diagnostics) + result.Failure);
        return result;
    }

    /// <summary>Calls a public static method of a module type (current version) and returns its result.</summary>
    public object? Call(string typeName, string method, params object?[] arguments)
    {
        Type type = Host.FindType(typeName) ?? throw new InvalidOperationException($"No type {typeName} is loaded.");
        return type.GetMethod(method)!.Invoke(null, arguments);
    }

    /// <summary>Reads a static field or property of a module type (current version).</summary>
    public object? Get(string typeName, string member)
    {
        Type type = Host.FindType(typeName) ?? throw new InvalidOperationException($"No type {typeName} is loaded.");
        System.Reflection.BindingFlags flags = System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic;
        return type.GetField(member, flags)?.GetValue(null) ?? type.GetProperty(member, flags)?.GetValue(null);
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
