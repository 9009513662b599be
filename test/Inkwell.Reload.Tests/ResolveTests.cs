namespace Inkwell.Reload.Tests;

public sealed class ResolveTests
{
    private const string Greeter = """
        public sealed class Greeter : Inkwell.Reload.Tests.IGreeter
        {
            public string Greet(string name) => $"GREETING, {name}";
        }
        """;

    [Fact]
    public void Resolve_FindsTheImplementationOfASharedInterface()
    {
        using var folder = new ModuleFolder().Write("Greeter.cs", Greeter.Replace("GREETING", "Hello", StringComparison.Ordinal));
        ReloadHost host = folder.Start();

        Assert.Equal("Hello, Ada", host.Resolve<IGreeter>().Greet("Ada"));
    }

    [Fact]
    public void LiveHandle_FollowsReloads_AndLetsTheOldVersionGo()
    {
        using var folder = new ModuleFolder().Write("Greeter.cs", Greeter.Replace("GREETING", "Hello", StringComparison.Ordinal));
        ReloadHost host = folder.Start();
        using LiveHandle<IGreeter> handle = host.GetHandle<IGreeter>();
        Assert.Equal("Hello, Ada", GreetThrough(handle));

        folder.Write("Greeter.cs", Greeter.Replace("GREETING", "Bonjour", StringComparison.Ordinal));
        folder.Reload();

        // The handle holds no instance of the old version, so it can be collected before the next call.
        Assert.Empty(host.VerifyUnloaded());
        Assert.Equal("Bonjour, Ada", handle.Value.Greet("Ada"));
        Assert.Equal(2, handle.Generation);
    }

    // Outside the test's frame, so no temporary there keeps the old instance reachable.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static string GreetThrough(LiveHandle<IGreeter> handle) => handle.Value.Greet("Ada");

    [Fact]
    public void Resolve_WithoutOrWithSeveralImplementations_SaysWhy()
    {
        using var folder = new ModuleFolder().Write("Nothing.cs", "public static class Nothing { }");
        ReloadHost host = folder.Start();

        Assert.False(host.TryResolve(out IGreeter? _));
        Assert.Contains("No module type implements", Assert.Throws<InvalidOperationException>(host.Resolve<IGreeter>).Message, StringComparison.Ordinal);

        folder.Write("One.cs", Greeter.Replace("Greeter :", "One :", StringComparison.Ordinal));
        folder.Write("Two.cs", Greeter.Replace("Greeter :", "Two :", StringComparison.Ordinal));
        folder.Reload();
        Assert.Contains("Several", Assert.Throws<InvalidOperationException>(host.Resolve<IGreeter>).Message, StringComparison.Ordinal);
    }
}
