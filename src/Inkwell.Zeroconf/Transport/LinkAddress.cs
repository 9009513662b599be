using System.Net;

namespace Inkwell.Zeroconf.Transport;

/// <summary>An address on a link with its prefix length, to tell on-link sources from off-link ones.</summary>
/// <remarks>
/// A class, not a struct: generic code over a value type of this assembly (<c>List&lt;LinkAddress&gt;</c>, LINQ over it) is
/// outside the framework's precompiled code and was JIT-compiled at every start, 33 methods in one short
/// dns-sd -B run of the ReadyToRun tool (docs/benchmarks.md, dns-sd -B time to first result); over a class the framework's
/// shared code serves. The list is built once per interface listing, so nothing is allocated per packet.
/// </remarks>
internal sealed record LinkAddress(IPAddress Address, int PrefixLength)
{
    /// <summary>Whether <paramref name="other"/> is in this address's subnet.</summary>
    public bool Contains(IPAddress other)
    {
        if (other.AddressFamily != Address.AddressFamily)
        {
            return false;
        }
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        Address.TryWriteBytes(a, out int length);
        other.TryWriteBytes(b, out _);
        int bits = Math.Clamp(PrefixLength, 0, length * 8);
        for (int i = 0; i < length; i++)
        {
            int maskBits = Math.Clamp(bits - i * 8, 0, 8);
            byte mask = (byte)(0xFF << (8 - maskBits));
            if ((a[i] & mask) != (b[i] & mask))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Address}/{PrefixLength}";
}
