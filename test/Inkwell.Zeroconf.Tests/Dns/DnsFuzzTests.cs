using Inkwell.Zeroconf.Dns;

namespace Inkwell.Zeroconf.Tests.Dns;

/// <summary>
/// Checklist test 1's fuzzing: random mutations of valid packets must never throw out of the parser,
/// and whatever parses must write back and parse again. Bounded and seeded so it is repeatable;
/// any crasher found goes into <see cref="Crashers"/> as a regression case.
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
    public void Parse_KnownCrashers_DoNotThrow(string hex)
    {
        _ = DnsMessage.TryParse(Convert.FromHexString(hex), out _, out _, out _);
    }

    [Fact]
    public void Parse_RandomMutations_NeverThrow()
    {
        var random = new Random(6762);
        byte[][] seeds =
        [
            DnsRoundTripTests.SampleResponse().ToArray(),
            new DnsMessage { Questions = [new DnsQuestion(DnsName.Parse("_services._dns-sd._udp.local"), DnsRecordType.Ptr, true)] }.ToArray(),
        ];
        int parsed = 0;
        for (int iteration = 0; iteration < 20_000; iteration++)
        {
            byte[] input = Mutate(seeds[iteration % seeds.Length], random);
            try
            {
                if (DnsMessage.TryParse(input, out DnsMessage message, out _, out _))
                {
                    parsed++;
                    // Whatever parses must write back out (names within limits, rdata within bounds).
                    message.TryWrite(new byte[DnsMessage.MaxLength], [], out _);
                }
            }
            catch (Exception exception)
            {
                Assert.Fail($"iteration {iteration}: {exception.GetType().Name} on input {Convert.ToHexString(input)}: {exception.Message}");
            }
        }
        Assert.InRange(parsed, 1, 19_999);
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
