using Google.Protobuf;
using Google.Protobuf.Compiler;
using Inkwell.Protobuf.CSharp.Plugin;

// protoc's plugin protocol: a CodeGeneratorRequest on standard input, a CodeGeneratorResponse on standard output.
// Problems with the schema or the options travel in the response's error, which protoc prints as
// "--inkwell-csharp_out: MESSAGE" and exits 1; a request that cannot be read is the caller's fault: exit 1.
using Stream input = Console.OpenStandardInput();
CodeGeneratorRequest request;
try
{
    request = CodeGeneratorRequest.Parser.ParseFrom(input);
}
catch (InvalidProtocolBufferException e)
{
    Console.Error.WriteLine($"protoc-gen-inkwell-csharp: standard input is not a CodeGeneratorRequest ({e.Message}). This program is a protoc plugin: run it as protoc --plugin=protoc-gen-inkwell-csharp=PATH --inkwell-csharp_out=DIR.");
    return 1;
}

CodeGeneratorResponse response = PluginGenerator.Generate(request);
using Stream output = Console.OpenStandardOutput();
response.WriteTo(output);
return 0;
