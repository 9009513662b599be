using System.Text.Json;

namespace Inkwell.Cli.Commands.Run;

/// <summary>
/// What <c>dotnet run</c> takes from <c>Properties/launchSettings.json</c>: the first profile whose
/// <c>commandName</c> is <c>Project</c> gives environment variables (<c>ASPNETCORE_ENVIRONMENT</c>, …) and
/// <c>applicationUrl</c> (as <c>ASPNETCORE_URLS</c>). Variables already set in the environment win, as they do for
/// <c>dotnet run</c>, so a test or a shell can still choose the address.
/// </summary>
internal static class LaunchProfile
{
    /// <summary>Applies the profile of the project in <paramref name="projectDirectory"/> to this process's
    /// environment; returns the profile's name, or null when there is none (or it cannot be read, which is said
    /// through <paramref name="warn"/>).</summary>
    public static string? Apply(string projectDirectory, Action<string> warn)
    {
        string path = Path.Combine(projectDirectory, "Properties", "launchSettings.json");
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!document.RootElement.TryGetProperty("profiles", out JsonElement profiles) || profiles.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (JsonProperty profile in profiles.EnumerateObject())
            {
                if (!profile.Value.TryGetProperty("commandName", out JsonElement command) || command.GetString() != "Project")
                {
                    continue;
                }

                if (profile.Value.TryGetProperty("environmentVariables", out JsonElement variables) && variables.ValueKind == JsonValueKind.Object)
                {
                    foreach (JsonProperty variable in variables.EnumerateObject())
                    {
                        SetIfUnset(variable.Name, variable.Value.GetString());
                    }
                }

                if (profile.Value.TryGetProperty("applicationUrl", out JsonElement urls))
                {
                    SetIfUnset("ASPNETCORE_URLS", urls.GetString());
                }

                return profile.Name;
            }
        }
        catch (JsonException exception)
        {
            warn($"{path}({exception.LineNumber + 1},{exception.BytePositionInLine + 1}): warning: launch settings not used: {exception.Message}");
        }

        return null;
    }

    private static void SetIfUnset(string name, string? value)
    {
        if (value is not null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
