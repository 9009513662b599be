namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// What a file's <c>syntax</c> or <c>edition</c> statement declares. Editions carry their number in
/// <see cref="FileSyntax.Edition"/>; a file without a statement is <see cref="Proto2"/>, as protoc reads it.
/// </summary>
internal enum ProtoSyntax
{
    /// <summary><c>syntax = "proto2";</c>, or no statement.</summary>
    Proto2,

    /// <summary><c>syntax = "proto3";</c>.</summary>
    Proto3,

    /// <summary><c>edition = "2023";</c> and later.</summary>
    Editions,
}
