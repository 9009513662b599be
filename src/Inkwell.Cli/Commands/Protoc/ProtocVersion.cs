namespace Inkwell.Cli.Commands.Protoc;

/// <summary>
/// The protoc release whose output <c>inkwell protoc</c> reproduces: what <c>--version</c> prints and what plugins
/// receive as <c>compiler_version</c> (7.35.1: protoc 35.1's C++ version number, which its requests carry), so that scripts and plugins gating on the version see the behaviour they get.
/// </summary>
internal static class ProtocVersion
{
    public const int Major = 7;

    public const int Minor = 35;

    public const int Patch = 1;

    /// <summary>protoc's own line: <c>libprotoc</c>, then minor.patch (protoc stopped printing the major in 22.0).</summary>
    public const string Line = "libprotoc 35.1";
}
