using Google.Protobuf;
using Inkwell.Protobuf.CSharp.Tests.Infrastructure;

namespace Inkwell.Protobuf.CSharp.Tests;

/// <summary>
/// Hostile bytes fail with <see cref="InvalidProtocolBufferException"/>, never another exception or a
/// hang, and Inkwell's generated code accepts and rejects exactly what protoc's does. The one exception
/// is a Google.Protobuf runtime bug shared by protoc's code (<see cref="Differential.RuntimeWrapperBug"/>).
/// </summary>
public sealed class HostileInputTests
{
    private static Differential OwnSchemas()
    {
        GeneratedPair pair = GeneratedPair.For(Schemas.OwnRoot, Schemas.OwnFiles);
        return new Differential(pair, Schemas.OwnFiles);
    }

    [Fact]
    public void Parse_TruncatedMessages_BehavesAsProtoc()
    {
        Differential differential = OwnSchemas();
        int rejected = 0;
        foreach (string message in differential.MessageNames)
        {
            for (int seed = 0; seed < 3; seed++)
            {
                byte[] bytes = differential.RandomBytes(message, seed);
                for (int length = 0; length < bytes.Length; length++)
                {
                    string outcome = differential.CheckParse(message, bytes[..length]);
                    rejected += outcome.StartsWith('!') ? 1 : 0;
                }
            }
        }
        Assert.True(rejected > 100, $"only {rejected} truncations were rejected");
    }

    [Fact]
    public void Parse_MutatedMessages_BehavesAsProtoc()
    {
        Differential differential = OwnSchemas();
        var random = new Random(1234);
        foreach (string message in differential.MessageNames)
        {
            for (int seed = 0; seed < 40; seed++)
            {
                byte[] bytes = differential.RandomBytes(message, seed);
                if (bytes.Length == 0)
                {
                    continue;
                }
                byte[] mutated = (byte[])bytes.Clone();
                for (int flips = random.Next(1, 4); flips > 0; flips--)
                {
                    mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
                }
                differential.CheckParse(message, mutated);
            }
        }
    }

    public static TheoryData<string, string, byte[]> HostileCases() => new()
    {
        // Field 17 (child) claims 2 GiB that are not there.
        { "oversized length", "inkwell.tests.proto3.Scalars", [0x8A, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x07] },
        // A negative length (a 10-byte varint of -1).
        { "negative length", "inkwell.tests.proto3.Scalars", [0x8A, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
        // Field 14 (f_string) holding 0xC3 0x28, which is not UTF-8.
        { "invalid UTF-8", "inkwell.tests.proto3.Scalars", [0x72, 0x02, 0xC3, 0x28] },
        // Wire types 6 and 7 do not exist.
        { "wire type 6", "inkwell.tests.proto3.Scalars", [0x0E, 0x01] },
        { "wire type 7", "inkwell.tests.proto3.Scalars", [0x0F, 0x01] },
        // A varint of 11 bytes.
        { "overlong varint", "inkwell.tests.proto3.Scalars", [0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01] },
        // Field number 0.
        { "field number 0", "inkwell.tests.proto3.Scalars", [0x00, 0x01] },
        // Group Single (field 1) closed by the end tag of field 2.
        { "mismatched group end", "inkwell.tests.proto2.WithGroups", [0x0B, 0x14] },
        // Group Single never closed.
        { "unterminated group", "inkwell.tests.proto2.WithGroups", [0x0B, 0x10, 0x01] },
        // A bytes field that runs past the end.
        { "truncated bytes", "inkwell.tests.proto3.Scalars", [0x7A, 0x05, 0x01, 0x02] },
        // A fixed64 cut short.
        { "truncated fixed64", "inkwell.tests.proto3.Scalars", [0x41, 0x01, 0x02, 0x03] },
        // A packed field whose length splits a varint.
        { "packed split varint", "inkwell.tests.proto3.Repeateds", [0x0A, 0x01, 0x80] },
        // A map entry that claims more bytes than the field.
        { "map entry overrun", "inkwell.tests.proto3.Maps", [0x0A, 0x02, 0x08, 0x80] },
    };

    [Theory]
    [MemberData(nameof(HostileCases))]
    public void Parse_HostileBytes_ThrowsInvalidProtocolBufferException(string name, string message, byte[] bytes)
    {
        Differential differential = OwnSchemas();
        Assert.True(Throws(() => differential.ParseWithInkwell(message, bytes)), name + " was accepted");
        differential.CheckParse(message, bytes);
    }

    [Theory]
    [InlineData(99, false)]
    [InlineData(101, true)]
    [InlineData(100_000, true)]
    public void Parse_DeepNesting_RejectsBeyondRecursionLimit(int depth, bool rejected)
    {
        Differential differential = OwnSchemas();
        // Recursive { Recursive child = 1; }: depth nested tags, each with the length of the rest.
        var bytes = new List<byte>();
        for (int i = 0; i < depth; i++)
        {
            int length = bytes.Count;
            var prefix = new List<byte> { 0x0A };
            do
            {
                byte b = (byte)(length & 0x7F);
                length >>= 7;
                prefix.Add(length != 0 ? (byte)(b | 0x80) : b);
            }
            while (length != 0);
            bytes.InsertRange(0, prefix);
        }
        byte[] data = [.. bytes];
        Assert.Equal(rejected, Throws(() => differential.ParseWithInkwell("inkwell.tests.proto3.Recursive", data)));
        differential.CheckParse("inkwell.tests.proto3.Recursive", data);
    }

    /// <summary>True when parsing throws InvalidProtocolBufferException; any other exception fails the test.</summary>
    private static bool Throws(Action parse)
    {
        try
        {
            parse();
            return false;
        }
        catch (InvalidProtocolBufferException)
        {
            return true;
        }
    }
}
