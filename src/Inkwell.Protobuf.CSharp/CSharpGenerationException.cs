using System;

namespace Inkwell.Protobuf.CSharp;

/// <summary>
/// The input cannot be turned into C#: a referenced file or type is missing from the given descriptors,
/// an option is unknown, or <c>base_namespace</c> is not a prefix of a file's namespace. The message
/// names the .proto file, as protoc's messages do.
/// </summary>
public sealed class CSharpGenerationException : Exception
{
    /// <summary>Creates the exception with a message that names the offending file or option.</summary>
    public CSharpGenerationException(string message)
        : base(message)
    {
    }
}
