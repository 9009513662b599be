namespace Inkwell.Protobuf.Syntax;

/// <summary>The JSON name protoc gives a field that sets none.</summary>
internal static class JsonNames
{
    /// <summary>protoc's default JSON name: drop underscores and capitalize the letter after each.</summary>
    public static string Default(string name)
    {
        if (name.IndexOf('_') < 0)
        {
            return name; // most names: nothing to change, nothing to allocate
        }

        Span<char> result = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        int length = 0;
        bool capitalizeNext = false;
        foreach (char c in name)
        {
            if (c == '_')
            {
                capitalizeNext = true;
            }
            else if (capitalizeNext)
            {
                result[length++] = c is >= 'a' and <= 'z' ? (char)(c - 32) : c;
                capitalizeNext = false;
            }
            else
            {
                result[length++] = c;
            }
        }

        return result.Slice(0, length).ToString();
    }
}
