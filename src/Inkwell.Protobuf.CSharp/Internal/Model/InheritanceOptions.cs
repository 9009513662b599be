using Google.Protobuf;
using Google.Protobuf.Reflection;
using Inkwell.Internal;

namespace Inkwell.Protobuf.CSharp.Internal.Model;

/// <summary>
/// Reads the <c>(inkwell.base)</c> and <c>(inkwell.subtype)</c> message options that the inheritance
/// lowering leaves in a descriptor (see <c>inkwell/inheritance.proto</c>). Google.Protobuf keeps them
/// as unknown fields of <see cref="MessageOptions"/>, so they are read from the options' bytes. This is the one
/// place outside <c>inheritance.proto</c> that knows the options' numbers (the source generator reads through it
/// too); a test holds them equal to the file's.
/// </summary>
internal static class InheritanceOptions
{
    /// <summary><c>(inkwell.base)</c>, a <c>MessageOptions</c> extension.</summary>
    public const int BaseField = 77001;

    /// <summary><c>(inkwell.subtype)</c>, a <c>MessageOptions</c> extension.</summary>
    public const int SubtypeField = 77002;

    /// <summary><c>(inkwell.declared_type)</c>, a <c>FieldOptions</c> extension.</summary>
    public const int DeclaredTypeField = 77003;

    // All three are length-delimited (messages or a string).
    private const uint BaseTag = (BaseField << 3) | 2;
    private const uint SubtypeTag = (SubtypeField << 3) | 2;
    private const uint DeclaredTypeTag = (DeclaredTypeField << 3) | 2;

    /// <summary>A base's options: its encoding and the member the encoding added.</summary>
    public sealed record BaseInfo(SubtypeEncoding Encoding, string Field);

    /// <summary>A subtype's options: the base's full name (no leading dot), its tag and the member in the base.</summary>
    public sealed record SubtypeInfo(string Base, int Tag, string Field);

    /// <summary>The <c>(inkwell.declared_type)</c> of a field the lowering gave its hierarchy's root type, or null.</summary>
    public static string? DeclaredType(FieldOptions? options)
    {
        if (options is null)
        {
            return null;
        }
        var input = new CodedInputStream(options.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == DeclaredTypeTag)
            {
                return input.ReadString();
            }
            input.SkipLastField();
        }
        return null;
    }

    public static (BaseInfo? Base, SubtypeInfo? Subtype) Read(MessageOptions? options)
    {
        if (options is null)
        {
            return (null, null);
        }
        BaseInfo? baseInfo = null;
        SubtypeInfo? subtypeInfo = null;
        var input = new CodedInputStream(options.ToByteArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag == BaseTag)
            {
                baseInfo = ReadBase(input.ReadBytes());
            }
            else if (tag == SubtypeTag)
            {
                subtypeInfo = ReadSubtype(input.ReadBytes());
            }
            else
            {
                input.SkipLastField();
            }
        }
        return (baseInfo, subtypeInfo);
    }

    private static BaseInfo ReadBase(ByteString bytes)
    {
        var encoding = SubtypeEncoding.Oneof; // absent means ONEOF, the enum's first value
        string field = "";
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case 8:
                    encoding = (SubtypeEncoding)input.ReadEnum();
                    break;
                case 34:
                    field = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return new BaseInfo(encoding, field);
    }

    private static SubtypeInfo ReadSubtype(ByteString bytes)
    {
        string baseName = "";
        int subtypeTag = 0;
        string field = "";
        var input = bytes.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (tag)
            {
                case 10:
                    baseName = input.ReadString();
                    break;
                case 16:
                    subtypeTag = input.ReadInt32();
                    break;
                case 26:
                    field = input.ReadString();
                    break;
                default:
                    input.SkipLastField();
                    break;
            }
        }
        return new SubtypeInfo(baseName, subtypeTag, field);
    }
}
