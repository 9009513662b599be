using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Internal;

/// <summary>The outcome of reading and parsing one file (before binding).</summary>
internal sealed record ParsedFile(FileSyntax? Syntax, string DisplayPath, List<Diagnostic> Diagnostics, bool HadErrors);
