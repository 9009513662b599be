namespace Inkwell.Cli.Commands.Protoc;

/// <summary>What an <c>inkwell protoc</c> run does; as in protoc, one mode per command line.</summary>
internal enum ProtocMode
{
    /// <summary>Compile the inputs and run the output directives (<c>-o</c>, <c>--NAME_out</c>).</summary>
    Compile,

    /// <summary><c>--decode=TYPE</c> or <c>--decode_raw</c>: print standard input's message as text.</summary>
    Decode,

    /// <summary><c>--encode=TYPE</c>: write standard input's text-format message in the binary format.</summary>
    Encode,

    /// <summary><c>--print_free_field_numbers</c>: print each input message's free field numbers.</summary>
    PrintFreeFieldNumbers,
}
