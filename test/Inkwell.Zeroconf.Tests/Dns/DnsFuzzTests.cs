using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.Dns;

/// <summary>
/// Checklist test 1's fuzzing: random mutations of valid packets must never throw out of the parser, and each
/// outcome keeps its promise: a rejected message comes with an error that says where (the offset of the bad
/// part, inside the input), and an accepted one round-trips (it writes out, that parses again with nothing
/// dropped, and writing that gives the same bytes). Bounded and seeded so it is repeatable; any crasher found
/// goes into <see cref="Crashers"/> as a regression case.
/// </summary>
public sealed class DnsFuzzTests
{
    /// <summary>Inputs at the edges of the buffer (hex); every crasher the fuzz loop finds is added here.</summary>
    public static TheoryData<string> Crashers => new()
    {
        // A pointer as the very last byte of the message.
        "000084000001000000000000C0",
        // An NSEC whose next-name pointer ends exactly at the rdata's end.
        "0000840000000001000000000000002F0001000000780002C00C",
    };

    [Theory]
    [MemberData(nameof(Crashers))]
    public void Parse_KnownCrashers_RejectWithALocationOrRoundTrip(string hex)
    {
        AssertRejectedWithALocationOrRoundTrips(Convert.FromHexString(hex));
    }

    [Fact]
    public void Parse_RandomMutations_RejectWithALocationOrRoundTrip()
    {
        var random = new Random(6762);
        byte[][] seeds =
        [
            DnsRoundTripTests.SampleResponse().ToArray(),
            new DnsMessage { Questions = [new DnsQuestion(DnsName.Parse("_services._dns-sd._udp.local"), DnsRecordType.Ptr, true)] }.ToArray(),
        ];
        int parsed = 0;
        int rejected = 0;
        for (int iteration = 0; iteration < 20_000; iteration++)
        {
            byte[] input = Mutate(seeds[iteration % seeds.Length], random);
            try
            {
                if (AssertRejectedWithALocationOrRoundTrips(input))
                {
                    parsed++;
                }
                else
                {
                    rejected++;
                }
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                Assert.Fail($"iteration {iteration}: {exception.GetType().Name} on input {Convert.ToHexString(input)}: {exception.Message}");
            }
            catch (Xunit.Sdk.XunitException failure)
            {
                Assert.Fail($"iteration {iteration}, input {Convert.ToHexString(input)}: {failure.Message}");
            }
        }
        // Both outcomes were exercised many times, so both invariants were really checked.
        Assert.True(parsed > 100 && rejected > 100, $"{parsed} parsed, {rejected} rejected");
    }

    [Fact]
    public void TheInvariant_FailsForARejectionWithoutALocation()
    {
        // A parse error that named no offset, or one outside the input, would not pass the check above.
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertLocated("name runs past the end of the message", 40));
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => AssertLocated("offset 41: name runs past the end of the message", 40));
        AssertLocated("offset 40: name runs past the end of the message", 40);
    }

    /// <summary>
    /// Parses <paramref name="input"/> and checks the outcome's promise; true when it parsed. Rejected: an error, and
    /// for a message of a plausible size (a header, within the mDNS limit) the offset it names lies inside the input (or at its end).
    /// Accepted: the message writes out, the bytes parse again without dropping a record, and write out the same.
    /// </summary>
    private static bool AssertRejectedWithALocationOrRoundTrips(byte[] input)
    {
        if (!DnsMessage.TryParse(input, out DnsMessage message, out _, out string? error))
        {
            Assert.False(string.IsNullOrEmpty(error), "rejected without an error");
            if (input.Length is >= 12 and <= DnsMessage.MaxLength)
            {
                AssertLocated(error, input.Length);
            }
            return false;
        }

        Assert.Null(error);
        byte[] written = Write(message, "the parsed message");
        Assert.True(DnsMessage.TryParse(written, out DnsMessage again, out int dropped, out string? againError), $"what it wrote does not parse: {againError}");
        Assert.Equal(0, dropped);
        Assert.Equal(Convert.ToHexString(written), Convert.ToHexString(Write(again, "the message parsed again")));
        return true;
    }

    private static void AssertLocated(string error, int inputLength)
    {
        System.Text.RegularExpressions.Match offset = System.Text.RegularExpressions.Regex.Match(error, "^offset ([0-9]+): ");
        Assert.True(offset.Success, $"the error names no offset: {error}");
        // At most the input's length: "runs past the end" is reported at the end.
        Assert.InRange(int.Parse(offset.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 0, inputLength);
    }

    private static byte[] Write(DnsMessage message, string what)
    {
        byte[] buffer = new byte[DnsMessage.MaxLength];
        Assert.True(message.TryWrite(buffer, [], out int length), $"{what} does not write out");
        return buffer[..length];
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        byte[] data = (byte[])seed.Clone();
        int mutations = random.Next(1, 6);
        for (int i = 0; i < mutations; i++)
        {
            switch (random.Next(5))
            {
                case 0:
                    data[random.Next(data.Length)] = (byte)random.Next(256);
                    break;
                case 1:
                    data[random.Next(data.Length)] ^= (byte)(1 << random.Next(8));
                    break;
                case 2:
                    data = data[..random.Next(data.Length + 1)];
                    if (data.Length == 0)
                    {
                        return data;
                    }
                    break;
                case 3:
                    int at = random.Next(data.Length);
                    data[at] = (byte)(0xC0 | random.Next(4));
                    if (at + 1 < data.Length)
                    {
                        data[at + 1] = (byte)random.Next(256);
                    }
                    break;
                default:
                    int position = random.Next(data.Length);
                    data = [.. data[..position], .. new byte[random.Next(1, 8)].Select(_ => (byte)random.Next(256)), .. data[position..]];
                    break;
            }
        }
        return data;
    }
}
