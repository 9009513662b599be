using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Reload.Tests;

public sealed class ReferenceTests
{
    [Fact]
    public void ExtraReference_IsCompiledAgainst_AndLoadedIntoTheDefaultContext()
    {
        using var folder = new ModuleFolder();
        string name = $"Inkwell.Reload.TestLibrary{Guid.NewGuid():N}";
        string library = Path.Combine(folder.Root, "lib", name + ".dll");
        Directory.CreateDirectory(Path.GetDirectoryName(library)!);
        CSharpCompilation compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText("namespace Lib; public static class Helper { public static int Answer => 42; }", cancellationToken: TestContext.Current.CancellationToken)],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.True(compilation.Emit(library, cancellationToken: TestContext.Current.CancellationToken).Success);
        folder.Write("Use.cs", "public static class Use { public static int Value() => Lib.Helper.Answer + 1; }");

        folder.Start(o =>
        {
            o.References.Add(library);
            return o;
        });

        Assert.Equal(43, folder.Call("Use", "Value"));
        Type helper = AppDomain.CurrentDomain.GetAssemblies().Single(a => a.GetName().Name == name).GetType("Lib.Helper")!;
        Assert.Same(System.Runtime.Loader.AssemblyLoadContext.Default, System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(helper.Assembly));
    }

    [Fact]
    public void MissingReference_FailsAtConstruction()
    {
        using var folder = new ModuleFolder();
        var options = new ReloadHostOptions { RootDirectory = folder.Root };
        options.References.Add(Path.Combine(folder.Root, "absent.dll"));

        Assert.Throws<FileNotFoundException>(() => new ReloadHost(options));
    }

    [Fact]
    public void MissingRoot_FailsAtConstruction()
    {
        Assert.Throws<DirectoryNotFoundException>(() => new ReloadHost(new ReloadHostOptions { RootDirectory = "/no/such/inkwell/folder" }));
    }
}
