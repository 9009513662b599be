namespace Inkwell.Protobuf.TextFormat;

/// <summary>
/// The required fields a message lacks, named as protoc's InitializationErrorString names them: a message's own missing
/// fields in declaration order, then those of its set message fields in number order, with paths such as
/// <c>child.a</c>, <c>items[1].b</c> and <c>(pkg.ext).c</c>.
/// </summary>
internal static class RequiredFields
{
    public static List<string> FindMissing(IMessageValues message)
    {
        var missing = new List<string>();
        Find(message, "", missing);
        return missing;
    }

    private static void Find(IMessageValues message, string prefix, List<string> missing)
    {
        foreach (TextField field in message.MessageType.FieldsInOrder)
        {
            if (field.IsRequired && !message.Values.ContainsKey(field.Number))
            {
                missing.Add(prefix + field.Name);
            }
        }

        foreach (KeyValuePair<int, List<object>> entry in message.Values)
        {
            List<object> values = entry.Value;
            TextField field = message.MessageType.Find(entry.Key)!;
            if (!field.IsMessage)
            {
                continue;
            }

            string name = field.PrintName.StartsWith("[", StringComparison.Ordinal) ? "(" + field.PrintName.Substring(1, field.PrintName.Length - 2) + ")" : field.Name;
            if (!field.IsRepeated)
            {
                Find((IMessageValues)values[values.Count - 1], prefix + name + ".", missing);
                continue;
            }

            for (int i = 0; i < values.Count; i++)
            {
                Find((IMessageValues)values[i], $"{prefix}{name}[{i}].", missing);
            }
        }
    }
}
