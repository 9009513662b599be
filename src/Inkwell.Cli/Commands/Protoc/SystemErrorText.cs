namespace Inkwell.Cli.Commands.Protoc;

/// <summary>A file error as protoc prints it: the C library's <c>strerror</c> text rather than .NET's message.</summary>
internal static class SystemErrorText
{
    /// <summary>The text <c>perror</c> would print for <paramref name="exception"/>'s failure, where .NET's type tells it.</summary>
    public static string Of(Exception exception) => exception switch
    {
        DirectoryNotFoundException or FileNotFoundException => "No such file or directory",
        UnauthorizedAccessException => "Permission denied",
        _ => exception.Message,
    };
}
