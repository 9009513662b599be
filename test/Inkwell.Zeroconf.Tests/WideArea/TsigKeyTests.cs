namespace Inkwell.Zeroconf.Tests.WideArea;

public sealed class TsigKeyTests
{
    [Fact]
    public void Parse_TsigKeygenOutput_ReadsNameAlgorithmAndSecret()
    {
        TsigKey key = TsigKey.Parse("""
            key "inkwell-key" {
            	algorithm hmac-sha256;
            	secret "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
            };
            """);

        Assert.Equal("inkwell-key", key.Name);
        Assert.Equal("hmac-sha256", key.Algorithm);
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (byte)i), key.Secret.ToArray());
    }

    [Fact]
    public void Parse_CommentsAndUnquotedName_AreAccepted()
    {
        TsigKey key = TsigKey.Parse("""
            # made by hand
            // another comment
            key ddns.example. { /* multi
               line */ secret "AQID"; algorithm HMAC-SHA512; };
            """);

        Assert.Equal("ddns.example", key.Name);
        Assert.Equal("hmac-sha512", key.Algorithm);
        Assert.Equal([1, 2, 3], key.Secret.ToArray());
    }

    [Theory]
    [InlineData("key \"k\" {\n  algorithm hmac-md5;\n  secret \"AQID\";\n};", "key:2:13: TSIG algorithm 'hmac-md5' is not supported")]
    [InlineData("key \"k\" {\n  algorithm hmac-sha256;\n  secret \"not base64!\";\n};", "key:3:10: the secret of key 'k' is not valid base64")]
    [InlineData("key \"k\" {\n  algorithm hmac-sha256;\n};", "key: key 'k' needs both 'algorithm' and 'secret'")]
    [InlineData("zone \"k\" {};", "key:1:1: expected 'key', found 'zone'")]
    [InlineData("key \"k\" {\n  algorithm hmac-sha256;\n  secrets \"AQID\";\n};", "key:3:3: unknown key clause 'secrets'")]
    [InlineData("key \"k\" {\n  algorithm hmac-sha256", "key:2:24: the text ends where ';' was expected")]
    public void Parse_BadKeyFile_SaysWhatAndWhere(string text, string message)
    {
        FormatException e = Assert.Throws<FormatException>(() => TsigKey.Parse(text));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnsupportedAlgorithm_Throws() =>
        Assert.Throws<ArgumentException>(() => new TsigKey("k", "hmac-md5", [1]));
}
