using System.Net;
using System.Runtime.InteropServices;

namespace Inkwell.Zeroconf.Transport;

/// <summary>
/// The Linux interface listing of <see cref="InterfaceList"/>: one getifaddrs(3) call (a netlink dump), read into names,
/// indexes, flags and addresses, as <c>NetworkInterface.GetAllNetworkInterfaces</c> reads the same call on Linux, so both
/// agree on every field mDNS uses (test/Inkwell.Zeroconf.Tests/Namespaces/InterfaceListNamespaceTests.cs compares them).
/// Blittable generated P/Invokes only, so it stays trimming- and AOT-clean.
/// </summary>
internal static unsafe partial class LinuxInterfaceAddresses
{
    private const ushort AfInet = 2;
    private const ushort AfInet6 = 10;
    private const ushort AfPacket = 17;
    private const uint IffUp = 0x1;
    private const uint IffLoopback = 0x8;
    private const uint IffRunning = 0x40;
    private const uint IffAllMulti = 0x200;
    private const uint IffMulticast = 0x1000;

    /// <summary>The interfaces, or null when getifaddrs is unavailable or fails (the caller then asks NetworkInterface).</summary>
    public static List<InterfaceEntry>? TryRead()
    {
        IfAddrs* head;
        try
        {
            if (GetIfAddrs(&head) != 0)
            {
                return null;
            }
        }
        catch (Exception exception) when (exception is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        try
        {
            return Read(head);
        }
        finally
        {
            FreeIfAddrs(head);
        }
    }

    private static List<InterfaceEntry> Read(IfAddrs* head)
    {
        // glibc lists every link first (an AF_PACKET entry with its index), then the addresses; an IPv4 address with a
        // label ("eth0:1") is named by the label, and belongs to the interface before the colon, as the kernel's
        // SIOCGIFINDEX (if_nametoindex) reads it.
        var interfaces = new List<Builder>();
        for (IfAddrs* entry = head; entry != null; entry = entry->Next)
        {
            string name = Marshal.PtrToStringUTF8((nint)entry->Name) ?? "";
            ushort family = entry->Address == null ? (ushort)0 : *(ushort*)entry->Address;
            Builder? owner = Find(interfaces, name);
            if (owner is null)
            {
                int colon = name.IndexOf(':');
                owner = colon > 0 ? Find(interfaces, name[..colon]) : null;
            }
            if (owner is null)
            {
                // sockaddr_ll: family (2 bytes), protocol (2), ifindex (4).
                int index = family == AfPacket ? *(int*)(entry->Address + 4) : (int)IfNameToIndex(entry->Name);
                if (index <= 0)
                {
                    continue; // gone since the dump (if_nametoindex found no such interface)
                }
                owner = new Builder(name, index, entry->Flags);
                interfaces.Add(owner);
            }
            if (family == AfInet)
            {
                // sockaddr_in: family (2), port (2), address (4).
                owner.Addresses.Add(new LinkAddress(new IPAddress(new ReadOnlySpan<byte>(entry->Address + 4, 4)),
                    PrefixLength(entry->Netmask, 4, 4)));
            }
            else if (family == AfInet6)
            {
                // sockaddr_in6: family (2), port (2), flow information (4), address (16), scope id (4). NetworkInterface
                // gives a link-local address the interface's index as its scope id, and other addresses none.
                var address = new IPAddress(new ReadOnlySpan<byte>(entry->Address + 8, 16));
                if (address.IsIPv6LinkLocal)
                {
                    address.ScopeId = owner.Index;
                }
                owner.Addresses.Add(new LinkAddress(address, PrefixLength(entry->Netmask, 8, 16)));
            }
        }
        var entries = new List<InterfaceEntry>(interfaces.Count);
        foreach (Builder builder in interfaces)
        {
            entries.Add(new InterfaceEntry(builder.Name, builder.Index,
                IsUp: (builder.Flags & (IffUp | IffRunning)) == (IffUp | IffRunning),
                IsLoopback: (builder.Flags & IffLoopback) != 0,
                SupportsMulticast: (builder.Flags & (IffMulticast | IffAllMulti)) != 0,
                builder.Addresses));
        }
        return entries;
    }

    private static Builder? Find(List<Builder> interfaces, string name)
    {
        foreach (Builder builder in interfaces)
        {
            if (builder.Name == name)
            {
                return builder;
            }
        }
        return null;
    }

    /// <summary>The leading one bits of a netmask (a host address when there is none, as for a point-to-point link).</summary>
    private static int PrefixLength(byte* netmask, int offset, int length)
    {
        if (netmask == null)
        {
            return length * 8;
        }
        int bits = 0;
        for (int i = 0; i < length; i++)
        {
            byte b = netmask[offset + i];
            if (b == 0xFF)
            {
                bits += 8;
                continue;
            }
            while ((b & 0x80) != 0)
            {
                bits++;
                b <<= 1;
            }
            break;
        }
        return bits;
    }

    private sealed class Builder(string name, int index, uint flags)
    {
        public string Name { get; } = name;

        public int Index { get; } = index;

        public uint Flags { get; } = flags;

        public List<LinkAddress> Addresses { get; } = [];
    }

    /// <summary>struct ifaddrs (ifaddrs.h); the union of broadcast and destination address is one pointer.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct IfAddrs
    {
        public IfAddrs* Next;
        public byte* Name;
        public uint Flags;
        public byte* Address;
        public byte* Netmask;
        public byte* BroadcastOrDestination;
        public void* Data;
    }

    [LibraryImport("libc", EntryPoint = "getifaddrs")]
    private static partial int GetIfAddrs(IfAddrs** list);

    [LibraryImport("libc", EntryPoint = "freeifaddrs")]
    private static partial void FreeIfAddrs(IfAddrs* list);

    [LibraryImport("libc", EntryPoint = "if_nametoindex")]
    private static partial uint IfNameToIndex(byte* name);
}
