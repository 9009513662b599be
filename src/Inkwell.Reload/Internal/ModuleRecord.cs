namespace Inkwell.Reload.Internal;

/// <summary>The loaded version of one module: the text it was compiled from and its stable assembly-friendly name.</summary>
internal sealed record ModuleRecord(string Path, string Name, byte[] Hash, int Version);
