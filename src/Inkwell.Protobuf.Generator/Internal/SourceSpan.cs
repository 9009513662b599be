namespace Inkwell.Protobuf.Generator.Internal;

/// <summary>A place in a .proto file: character offsets and zero-based line/character positions, as Roslyn wants them.</summary>
internal readonly record struct SourceSpan(string FilePath, int Start, int Length, int StartLine, int StartCharacter, int EndLine, int EndCharacter);
