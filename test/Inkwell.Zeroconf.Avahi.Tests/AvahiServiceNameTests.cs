using Inkwell.Zeroconf.Avahi.Internal;

namespace Inkwell.Zeroconf.Avahi.Tests;

/// <summary>An instance's full name in the escaped text form Avahi's D-Bus API parses (as avahi_service_name_join writes it).</summary>
public sealed class AvahiServiceNameTests
{
    [Theory]
    [InlineData("Printer", "_ipp._tcp", "local", "Printer._ipp._tcp.local")]
    [InlineData("Mr. Smith's Server", "_http._tcp", "local", @"Mr\. Smith's Server._http._tcp.local")]
    [InlineData(@"back\slash", "_http._tcp", "local.", @"back\\slash._http._tcp.local")]
    [InlineData("tab\there", "_http._tcp", "local", @"tab\009here._http._tcp.local")]
    [InlineData("Café ☕", "_http._tcp", "", "Café ☕._http._tcp")]
    public void Join_EscapesDotsBackslashesAndControlCharactersInTheInstanceLabelOnly(string instance, string type, string domain, string expected)
        => Assert.Equal(expected, AvahiServiceName.Join(instance, type, domain));
}
