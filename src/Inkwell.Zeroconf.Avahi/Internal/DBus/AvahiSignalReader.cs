using Tmds.DBus.Protocol;

namespace Inkwell.Zeroconf.Avahi.Internal.DBus;

/// <summary>Decodes the body of a signal from one of Avahi's interfaces (the signatures of its introspection XML).</summary>
internal static class AvahiSignalReader
{
    /// <summary>Reads a signal; returns null for members this client does not use.</summary>
    public static AvahiSignal? Read(Message message)
    {
        string? member = message.MemberAsString;
        string? @interface = message.InterfaceAsString;
        Reader reader = message.GetBodyReader();
        switch (member)
        {
            case "StateChanged":
                return new AvahiStateChangedSignal(reader.ReadInt32(), reader.ReadString());
            case "ItemNew" or "ItemRemove" when @interface == AvahiNames.RecordBrowser:
                return new AvahiRecordItemSignal(
                    member == "ItemNew",
                    new AvahiRecordItem(
                        reader.ReadInt32(),
                        (AvahiProtocol)reader.ReadInt32(),
                        reader.ReadString(),
                        reader.ReadUInt16(),
                        reader.ReadUInt16(),
                        reader.ReadArrayOfByte(),
                        (AvahiLookupResultFlags)reader.ReadUInt32()));
            case "ItemNew" or "ItemRemove" when @interface == AvahiNames.ServiceTypeBrowser:
                return new AvahiServiceTypeItemSignal(
                    member == "ItemNew",
                    new AvahiServiceTypeItem(
                        reader.ReadInt32(),
                        (AvahiProtocol)reader.ReadInt32(),
                        reader.ReadString(),
                        reader.ReadString(),
                        (AvahiLookupResultFlags)reader.ReadUInt32()));
            case "ItemNew" or "ItemRemove":
                return new AvahiServiceItemSignal(
                    member == "ItemNew",
                    new AvahiServiceItem(
                        reader.ReadInt32(),
                        (AvahiProtocol)reader.ReadInt32(),
                        reader.ReadString(),
                        reader.ReadString(),
                        reader.ReadString(),
                        (AvahiLookupResultFlags)reader.ReadUInt32()));
            case "Found":
                return new AvahiFoundSignal(ReadResolvedService(ref reader));
            case "Failure":
                return new AvahiFailureSignal(reader.ReadString());
            case "AllForNow":
                return AvahiAllForNowSignal.Instance;
            case "CacheExhausted":
                return AvahiCacheExhaustedSignal.Instance;
            default:
                return null;
        }
    }

    /// <summary>Reads <c>(i interface, i protocol, s name, s type, s domain, s host, i aprotocol, s address, q port, aay txt, u flags)</c>.</summary>
    public static AvahiResolvedService ReadResolvedService(ref Reader reader)
    {
        int @interface = reader.ReadInt32();
        var protocol = (AvahiProtocol)reader.ReadInt32();
        string name = reader.ReadString();
        string type = reader.ReadString();
        string domain = reader.ReadString();
        string host = reader.ReadString();
        var addressProtocol = (AvahiProtocol)reader.ReadInt32();
        string address = reader.ReadString();
        ushort port = reader.ReadUInt16();
        IReadOnlyList<byte[]> txt = ReadTxt(ref reader);
        var flags = (AvahiLookupResultFlags)reader.ReadUInt32();
        return new AvahiResolvedService(@interface, protocol, name, type, domain, host, addressProtocol, address, port, txt, flags);
    }

    /// <summary>Reads an <c>aay</c>: TXT strings as raw bytes.</summary>
    public static IReadOnlyList<byte[]> ReadTxt(ref Reader reader)
    {
        var strings = new List<byte[]>();
        ArrayEnd end = reader.ReadArrayStart(DBusType.Array);
        while (reader.HasNext(end))
        {
            strings.Add(reader.ReadArrayOfByte());
        }
        return strings;
    }
}
