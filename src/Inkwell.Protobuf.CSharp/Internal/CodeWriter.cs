using System.Text;

namespace Inkwell.Protobuf.CSharp.Internal;

/// <summary>
/// Writes C# source with two-space indentation applied at the start of every line, the way protoc's
/// <c>io::Printer</c> does, so generated files diff cleanly against protoc's.
/// </summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _builder = new();
    private int _indent;
    private bool _atLineStart = true;

    /// <summary>Writes text; each line that starts with something other than a line break is indented.</summary>
    public CodeWriter Write(string text)
    {
        foreach (char c in text)
        {
            if (_atLineStart && c != '\n')
            {
                _builder.Append(' ', _indent * 2);
                _atLineStart = false;
            }
            _builder.Append(c);
            if (c == '\n')
            {
                _atLineStart = true;
            }
        }
        return this;
    }

    /// <summary>Writes text and a line break (an empty line stays empty).</summary>
    public CodeWriter Line(string text = "") => Write(text).Write("\n");

    public void Indent() => _indent++;

    public void Outdent() => _indent--;

    /// <summary>Writes <paramref name="header"/> and an opening brace, then indents.</summary>
    public CodeWriter Open(string header)
    {
        Line(header + " {");
        Indent();
        return this;
    }

    /// <summary>Outdents and writes a closing brace.</summary>
    public CodeWriter Close(string suffix = "")
    {
        Outdent();
        Line("}" + suffix);
        return this;
    }

    public override string ToString() => _builder.ToString();
}
