using System.Text;
using System.Text.RegularExpressions;
using Inkwell.Protobuf.Tests.Support;

namespace Inkwell.Protobuf.Tests.Inheritance.Interop;

/// <summary>protoc's <c>--encode</c> and <c>--decode</c> (text format in, binary out and back), and reading what they print.</summary>
internal static partial class ProtocTextFormat
{
    /// <summary>Runs protoc with <paramref name="text"/> on standard input and returns the message it encoded.</summary>
    public static byte[] Encode(IEnumerable<string> args, string text, string workingDirectory)
    {
        (byte[] output, string error, int exitCode) = Run(args, Encoding.UTF8.GetBytes(text), workingDirectory);
        Assert.True(exitCode == 0, $"protoc --encode failed:\n{error}");
        return output;
    }

    /// <summary>Runs protoc on <paramref name="bytes"/> and returns the text format it printed, whitespace collapsed to single spaces.</summary>
    public static string Decode(IEnumerable<string> args, byte[] bytes, string workingDirectory)
    {
        (byte[] output, string error, int exitCode) = Run(args, bytes, workingDirectory);
        Assert.True(exitCode == 0, $"protoc --decode failed:\n{error}");
        return Collapse(Encoding.UTF8.GetString(output));
    }

    /// <summary>Text format with every run of whitespace made one space, so nesting can be compared on one line.</summary>
    public static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    /// <summary>The value of the first <c>name: "…"</c> in <paramref name="text"/>, with protoc's C escapes undone (bytes fields print that way).</summary>
    public static byte[] BytesField(string text, string name)
    {
        Match match = new Regex(Regex.Escape(name) + @": ""((?:[^""\\]|\\.)*)""").Match(text);
        Assert.True(match.Success, $"no {name} in: {text}");
        return Unescape(match.Groups[1].Value);
    }

    // protoc's CEscape: \n \r \t \" \' \\ and three-digit octal for every other byte outside printable ASCII.
    private static byte[] Unescape(string escaped)
    {
        var bytes = new List<byte>();
        for (int i = 0; i < escaped.Length; i++)
        {
            char c = escaped[i];
            if (c != '\\')
            {
                bytes.Add(checked((byte)c));
                continue;
            }

            char next = escaped[++i];
            switch (next)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case >= '0' and <= '7':
                    bytes.Add(Convert.ToByte(escaped.Substring(i, 3), 8));
                    i += 2;
                    break;
                default: bytes.Add(checked((byte)next)); break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Runs protoc with <paramref name="input"/> on standard input: what it wrote, its standard error and its exit status.</summary>
    internal static (byte[] Output, string Error, int ExitCode) Run(IEnumerable<string> args, byte[] input, string workingDirectory)
    {
        (int exitCode, byte[] output, string error) = ProcessRun.RunForBytes(Protoc.Require(), args, workingDirectory, input: input);
        return (output, error, exitCode);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
