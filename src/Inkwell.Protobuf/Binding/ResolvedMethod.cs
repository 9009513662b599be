namespace Inkwell.Protobuf.Binding;

/// <summary>What cross-linking found for one rpc: its message types' full names with a leading dot (null where one did not resolve).</summary>
internal readonly record struct ResolvedMethod(string? InputType, string? OutputType);
