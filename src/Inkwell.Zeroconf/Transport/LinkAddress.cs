using System.Net;

namespace Inkwell.Zeroconf.Transport;

/// <summary>An address on a link with its prefix length, to tell on-link sources from off-link ones.</summary>
internal readonly record struct LinkAddress(IPAddress Address, int PrefixLength)
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
