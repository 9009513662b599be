namespace Inkwell.Protobuf.Syntax;

/// <summary>The numbers of descriptor.proto's Edition enum that the compiler uses.</summary>
internal static class Editions
{
    /// <summary>EDITION_PROTO2.</summary>
    public const int Proto2 = 998;

    /// <summary>EDITION_PROTO3.</summary>
    public const int Proto3 = 999;

    /// <summary>EDITION_2023.</summary>
    public const int Edition2023 = 1000;

    /// <summary>EDITION_2024.</summary>
    public const int Edition2024 = 1001;

    /// <summary>EDITION_MAX.</summary>
    public const int Max = 0x7FFFFFFF;

    /// <summary>Maps an edition's written name ("2023") to its number, or null when protoc does not know it.</summary>
    public static int? Parse(string name) => name switch
    {
        "2023" => Edition2023,
        "2024" => Edition2024,
        "1_TEST_ONLY" => 1,
        "2_TEST_ONLY" => 2,
        "99997_TEST_ONLY" => 99997,
        "99998_TEST_ONLY" => 99998,
        "99999_TEST_ONLY" => 99999,
        "UNSTABLE" => 9999,
        "LEGACY" => 900,
        _ => null,
    };
}
