using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.Tests.Support;

/// <summary>Byte equality of descriptor sets, with a readable difference when they are not equal.</summary>
internal static class DescriptorAssert
{
    public static void Equal(byte[] expected, byte[] actual)
    {
        if (expected.AsSpan().SequenceEqual(actual))
        {
            return;
        }

        string expectedText = FileDescriptorSet.Parser.ParseFrom(expected).ToString();
        string actualText = FileDescriptorSet.Parser.ParseFrom(actual).ToString();
        int first = 0;
        while (first < expectedText.Length && first < actualText.Length && expectedText[first] == actualText[first])
        {
            first++;
        }

        int start = Math.Max(0, first - 200);
        Assert.Fail($"Descriptor bytes differ ({expected.Length} vs {actual.Length} bytes). Around the first difference:\nprotoc:  {Slice(expectedText, start)}\ninkwell: {Slice(actualText, start)}");
    }

    private static string Slice(string text, int start) => start >= text.Length ? "" : text.Substring(start, Math.Min(400, text.Length - start));
}
