using System.Collections.Generic;

namespace Inkwell.Protobuf.CSharp.Internal;

/// <summary>
/// protoc's generator parameter text, as both <c>--csharp_opt</c> and grpc_csharp_plugin read it: comma-separated
/// <c>name</c> or <c>name=value</c> entries, empty entries skipped, in order (a later entry overrides an earlier one).
/// </summary>
internal static class GeneratorParameter
{
    /// <summary>The entries of <paramref name="text"/> as (name, value) pairs; a bare name has the value "".</summary>
    public static IEnumerable<(string Name, string Value)> Entries(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }
        foreach (string part in text!.Split(','))
        {
            if (part.Length == 0)
            {
                continue;
            }
            int equals = part.IndexOf('=');
            yield return equals < 0 ? (part, "") : (part.Substring(0, equals), part.Substring(equals + 1));
        }
    }
}
