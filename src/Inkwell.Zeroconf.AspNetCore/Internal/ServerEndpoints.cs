using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Inkwell.Zeroconf.AspNetCore.Internal;

/// <summary>From the addresses Kestrel bound (<c>IServerAddressesFeature</c>) to the registrations to announce.</summary>
internal static class ServerEndpoints
{
    /// <summary>One registration to make.</summary>
    public readonly record struct Endpoint(string Scheme, int Port, string InstanceName);

    /// <summary>
    /// One endpoint per distinct scheme and port, in Kestrel's order: the first takes <paramref name="baseName"/>, each later one
    /// "<c>{baseName} [{scheme}]</c>" (a second one of the same scheme "<c>[{scheme} 2]</c>"), every name at most 63 bytes.
    /// Unix sockets are skipped, and loopback-only addresses unless <paramref name="includeLoopback"/>.
    /// </summary>
    public static List<Endpoint> From(IEnumerable<string> addresses, string baseName, bool includeLoopback, Action<string, string>? skipped = null)
    {
        var distinct = new List<(string Scheme, int Port)>();
        foreach (string address in addresses)
        {
            BindingAddress binding;
            try
            {
                binding = BindingAddress.Parse(address);
            }
            catch (FormatException exception)
            {
                skipped?.Invoke(address, exception.Message);
                continue;
            }
            if (binding.IsUnixPipe || binding.IsNamedPipe)
            {
                skipped?.Invoke(address, "not a TCP endpoint");
                continue;
            }
            if (!includeLoopback && IsLoopback(binding.Host))
            {
                skipped?.Invoke(address, "bound to loopback only, which other hosts cannot reach");
                continue;
            }
            (string, int) key = (binding.Scheme.ToLowerInvariant(), binding.Port);
            if (!distinct.Contains(key))
            {
                distinct.Add(key);
            }
        }
        var endpoints = new List<Endpoint>();
        for (int i = 0; i < distinct.Count; i++)
        {
            (string scheme, int port) = distinct[i];
            int sameSchemeBefore = distinct.Take(i).Count(d => d.Scheme == scheme);
            string suffix = i == 0 ? "" : sameSchemeBefore == 0 ? $" [{scheme}]" : $" [{scheme} {sameSchemeBefore + 1}]";
            endpoints.Add(new Endpoint(scheme, port, Truncate(baseName, 63 - Encoding.UTF8.GetByteCount(suffix)) + suffix));
        }
        return endpoints;
    }

    /// <summary>"<c>{application} on {machine}</c>", at most 63 bytes of UTF-8 (RFC 6763 §4.1.1).</summary>
    public static string DefaultInstanceName(string applicationName, string machineName) => Truncate($"{applicationName} on {machineName}", 63);

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out IPAddress? ip) && IPAddress.IsLoopback(ip));

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="bytes"/> bytes of UTF-8 without splitting a character.</summary>
    private static string Truncate(string text, int bytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= bytes)
        {
            return text;
        }
        var builder = new StringBuilder();
        int used = 0;
        foreach (Rune rune in text.EnumerateRunes())
        {
            if (used + rune.Utf8SequenceLength > bytes)
            {
                break;
            }
            used += rune.Utf8SequenceLength;
            builder.Append(rune.ToString());
        }
        return builder.ToString().TrimEnd();
    }
}
