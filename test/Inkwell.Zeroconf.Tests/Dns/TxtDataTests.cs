using System.Text;
using Inkwell.Zeroconf.Internal;

namespace Inkwell.Zeroconf.Tests.Dns;

/// <summary>TXT strings ⇄ attributes, by the rules of RFC 6763 §6: one implementation for every backend.</summary>
public sealed class TxtDataTests
{
    [Fact]
    public void Encode_ValuesAndBooleans_KeyEqualsValueAndBareKey()
    {
        List<byte[]> strings = TxtData.Encode([new("path", "/a=b"), new("ro", null), new("empty", "")]);

        Assert.Equal(["path=/a=b", "ro", "empty="], strings.Select(s => Encoding.UTF8.GetString(s)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a=b")]
    [InlineData("clé")] // §6.4: keys are printable US-ASCII
    [InlineData("tab\tkey")]
    [InlineData("del\u007F")]
    public void Encode_KeyEmptyWithEqualsOrNotPrintableAscii_ThrowsArgumentException(string key)
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => TxtData.Encode([new(key, "v")]));

        Assert.Contains("6.4", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_StringOver255Bytes_ThrowsNamingTheKey()
    {
        ArgumentException exception = Assert.Throws<ArgumentException>(() => TxtData.Encode([new("big", new string('é', 130))])); // 2 bytes each

        Assert.Contains("'big'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("255", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_DuplicatesEmptiesAndMissingKeys_FirstWinsCaseInsensitiveAndSkips()
    {
        byte[][] strings =
        [
            Encoding.UTF8.GetBytes("Key=first"),
            Encoding.UTF8.GetBytes("KEY=second"),
            [],
            Encoding.UTF8.GetBytes("=novalue"),
            Encoding.UTF8.GetBytes("flag"),
            Encoding.UTF8.GetBytes("empty="),
        ];

        IReadOnlyDictionary<string, string?> attributes = TxtData.Decode(strings);

        Assert.Equal(3, attributes.Count);
        Assert.Equal("first", attributes["key"]);
        Assert.Null(attributes["FLAG"]);
        Assert.Equal("", attributes["empty"]);
    }

    [Fact]
    public void EncodeThenDecode_Unicode_RoundTrips()
    {
        IReadOnlyDictionary<string, string?> attributes = TxtData.Decode(TxtData.Encode([new("name", "Zoë's 🎵 room")]));

        Assert.Equal("Zoë's 🎵 room", attributes["name"]);
    }
}
