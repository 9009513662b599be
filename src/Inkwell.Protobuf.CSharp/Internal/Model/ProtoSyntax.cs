namespace Inkwell.Protobuf.CSharp.Internal.Model;

internal enum ProtoSyntax
{
    Proto2,
    Proto3,
    Editions,
}
