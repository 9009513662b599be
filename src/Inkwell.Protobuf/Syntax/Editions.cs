using Google.Protobuf.Reflection;

namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// The editions the compiler names, as descriptor.proto's <see cref="Edition"/> enum numbers them (a file's
/// <see cref="FileSyntax.Edition"/> is one of these, or a test-only edition protoc also accepts).
/// </summary>
internal static class Editions
{
    /// <summary>EDITION_PROTO2 (998): a proto2 file.</summary>
    public const Edition Proto2 = Edition.Proto2;

    /// <summary>EDITION_PROTO3 (999): a proto3 file.</summary>
    public const Edition Proto3 = Edition.Proto3;

    /// <summary>EDITION_2023 (1000).</summary>
    public const Edition Edition2023 = Edition._2023;

    /// <summary>EDITION_2024 (1001).</summary>
    public const Edition Edition2024 = Edition._2024;

    /// <summary>EDITION_UNSTABLE (9999): renames the integer types.</summary>
    public const Edition Unstable = Edition.Unstable;

    /// <summary>EDITION_MAX.</summary>
    public const Edition Max = Edition.Max;

    /// <summary>Maps an edition's written name ("2023") to its number, or null when protoc does not know it.</summary>
    public static Edition? Parse(string name) => name switch
    {
        "2023" => Edition2023,
        "2024" => Edition2024,
        "1_TEST_ONLY" => (Edition)1,
        "2_TEST_ONLY" => (Edition)2,
        "99997_TEST_ONLY" => (Edition)99997,
        "99998_TEST_ONLY" => (Edition)99998,
        "99999_TEST_ONLY" => (Edition)99999,
        "UNSTABLE" => Unstable,
        "LEGACY" => (Edition)900,
        _ => null,
    };
}
