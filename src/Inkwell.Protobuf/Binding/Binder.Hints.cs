using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Binding;

/// <summary>
/// protoc's "Suggested field numbers for M: …" line: errors about a message's field numbers ask for a hint while the
/// file is built; after cross-linking, each top-level message that asked gets one line (up to three free numbers) at
/// the place of the first error that asked. Nested messages ask too, but protoc only reports top-level ones.
/// </summary>
internal sealed partial class Binder
{
    private const int MaxSuggestions = 3;

    private readonly Dictionary<MessageSyntax, (int Count, TextPosition First)> _fieldNumberHints = [];

    private void RequestFieldNumberHint(MessageSyntax? message, TextPosition position, int rangeStart = 0, int rangeEnd = 1)
    {
        if (message is null)
        {
            return; // an extension at file level belongs to no message
        }

        static int Fit(long value) => (int)Math.Min(Math.Max(value, 0), MaxFieldNumber);
        if (_fieldNumberHints.TryGetValue(message, out (int Count, TextPosition First) hint))
        {
            _fieldNumberHints[message] = (Fit((long)hint.Count + Fit(Fit(rangeEnd) - Fit(rangeStart))), hint.First);
        }
        else
        {
            _fieldNumberHints[message] = (Fit(Fit(rangeEnd) - Fit(rangeStart)), position);
        }
    }

    private void SuggestFieldNumbers()
    {
        if (_fieldNumberHints.Count == 0)
        {
            return;
        }

        foreach (MessageSyntax message in _file.Messages)
        {
            if (!_fieldNumberHints.TryGetValue(message, out (int Count, TextPosition First) hint) || hint.Count <= 0)
            {
                continue;
            }

            Error(hint.First, $"Suggested field numbers for {message.FullName}: {string.Join(", ", FreeFieldNumbers(message, Math.Min(MaxSuggestions, hint.Count)))}");
        }
    }

    // The lowest numbers not taken by a field, an extension, a reserved or extension range, or protoc's own range.
    private static List<int> FreeFieldNumbers(MessageSyntax message, int count)
    {
        var used = new List<(long From, long To)>();
        foreach (FieldSyntax field in message.Fields.Concat(message.Extensions))
        {
            if (field.Number > 0 && field.Number <= MaxFieldNumber)
            {
                used.Add((field.Number, field.Number + 1L));
            }
        }

        foreach (RangeSyntax range in message.ReservedRanges.Concat(message.ExtensionRanges))
        {
            long from = Math.Min(Math.Max(range.Start, 0L), MaxFieldNumber + 1L);
            long to = Math.Min(Math.Max(range.End, 0L), MaxFieldNumber + 1L);
            if (from < to)
            {
                used.Add((from, to));
            }
        }

        used.Add((MaxFieldNumber, MaxFieldNumber + 1L));
        used.Add((FirstReservedNumber, LastReservedNumber));
        used.Sort();
        var free = new List<int>(count);
        long current = 1;
        foreach ((long from, long to) in used)
        {
            while (current < from && free.Count < count)
            {
                free.Add((int)current++);
            }

            if (free.Count == count)
            {
                break;
            }

            current = Math.Max(current, to);
        }

        return free;
    }
}
