namespace Inkwell.Protobuf;

/// <summary>The two formats protoc prints diagnostics in (<c>--error_format</c>).</summary>
public enum ErrorFormat
{
    /// <summary><c>file:line:column: message</c></summary>
    Gcc,

    /// <summary><c>file(line) : error in column=column: message</c> (Visual Studio).</summary>
    Msvs,
}
