using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inkwell.Zeroconf.Hosting.Tests;

/// <summary>
/// An app that uses Inkwell.Zeroconf next to Microsoft.Extensions.ServiceDiscovery (which Inkwell.Zeroconf.Hosting plugs
/// into) must be able to name both libraries' types. The main type was called <c>ServiceDiscovery</c> and its options
/// <c>ServiceDiscoveryOptions</c>: with both usings the options were ambiguous (CS0104, Microsoft has a
/// <c>ServiceDiscoveryOptions</c> too), and inside any <c>Microsoft.Extensions.*</c> namespace, where DI extension classes
/// live, <c>ServiceDiscovery</c> named Microsoft's namespace (CS0118). The compiler is the oracle here.
/// </summary>
public sealed class TypeNameClashTests
{
    private static readonly Assembly[] s_inkwell =
    [
        typeof(DnsServiceDiscovery).Assembly,
        typeof(Avahi.AvahiBackend).Assembly,
        typeof(ZeroconfOptions).Assembly,
        typeof(AspNetCore.DnsSdAdvertisement).Assembly,
    ];

    private static readonly Assembly[] s_microsoft =
    [
        typeof(Microsoft.Extensions.ServiceDiscovery.ServiceDiscoveryOptions).Assembly,
        typeof(Microsoft.Extensions.ServiceDiscovery.ServiceEndpoint).Assembly,
    ];

    [Fact]
    public void AppWithBothUsings_NamesEveryTypeOfBoth_Compiles()
    {
        const string App = """
            using Inkwell.Zeroconf;
            using Microsoft.Extensions.ServiceDiscovery;

            public static class App
            {
                public static DnsServiceDiscovery Discovery() => new(new DnsServiceDiscoveryOptions { HostName = "zoo" });

                public static ServiceDiscoveryOptions Microsofts() => new() { RefreshPeriod = System.TimeSpan.FromSeconds(5) };
            }
            """;

        Assert.Empty(Errors(App));
    }

    [Fact]
    public void ExtensionClassInMicrosoftExtensionsDependencyInjection_NamesTheMainTypeUnqualified_Compiles()
    {
        const string Extensions = """
            using Inkwell.Zeroconf;

            namespace Microsoft.Extensions.DependencyInjection
            {
                public static class MyZeroconfExtensions
                {
                    public static DnsServiceDiscovery Discovery(DnsServiceDiscoveryOptions options) => new(options);
                }
            }
            """;

        Assert.Empty(Errors(Extensions));
    }

    [Fact]
    public void CompileCheck_ReportsTheClashItGuardsAgainst()
    {
        // The check itself can fail: Microsoft's own options type next to a same-named type is still ambiguous.
        const string Clash = """
            using Microsoft.Extensions.ServiceDiscovery;
            using Mine;

            namespace Mine
            {
                public sealed class ServiceDiscoveryOptions { }
            }

            namespace App
            {
                public static class Use { public static object Options() => new ServiceDiscoveryOptions(); }
            }
            """;

        Assert.Contains(Errors(Clash), e => e.StartsWith("CS0104", StringComparison.Ordinal));
    }

    [Fact]
    public void NoInkwellTypeName_IsATypeOrNamespaceNameOfMicrosoftExtensionsServiceDiscovery()
    {
        HashSet<string> microsoft = new(StringComparer.Ordinal);
        foreach (Type type in s_microsoft.SelectMany(a => a.GetExportedTypes()))
        {
            microsoft.Add(type.Name);
            microsoft.UnionWith(type.Namespace!.Split('.'));
        }
        microsoft.ExceptWith(["Microsoft", "Extensions", "DependencyInjection"]);

        string[] clashes = [.. s_inkwell.SelectMany(a => a.GetExportedTypes()).Select(t => t.FullName!).Where(n => microsoft.Contains(n[(n.LastIndexOf('.') + 1)..]))];

        Assert.Empty(clashes);
    }

    private static List<string> Errors(string source)
    {
        IEnumerable<MetadataReference> references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Concat(s_inkwell.Concat(s_microsoft).Select(a => a.Location))
            .Distinct(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path));
        CSharpCompilation compilation = CSharpCompilation.Create(
            "UserCode",
            [CSharpSyntaxTree.ParseText(source, cancellationToken: TestContext.Current.CancellationToken)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];
    }
}
