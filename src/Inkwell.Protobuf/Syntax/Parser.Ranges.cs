namespace Inkwell.Protobuf.Syntax;

/// <summary>
/// <c>extensions</c> and <c>reserved</c> statements: number ranges (one grammar, "N", "N to M" or "N to max", shared with
/// Inkwell's <c>subtypes</c>) and reserved names.
/// </summary>
internal sealed partial class Parser
{
    private bool ParseExtensions(MessageParts message, LocationRecorder extensionsLocation)
    {
        if (!Consume("extensions"))
        {
            return false;
        }

        int oldCount = message.ExtensionRanges.Count;
        do
        {
            using var location = extensionsLocation.Child(message.ExtensionRanges.Count);
            var position = TextPosition.Of(Current);
            bool parsed = ParseNumberRange(location, signed: false, "Expected field number range.", MaxRangeSentinel - 1, out int start, out int end);
            message.ExtensionRanges.Add(new RangeSyntax { Position = position, Start = start, End = end + 1 });
            if (!parsed)
            {
                return false;
            }
        }
        while (TryConsume(","));

        if (LookingAt("["))
        {
            int indexPosition = extensionsLocation.PathCount;
            var info = new List<SourceLocation>();
            var options = new List<OptionSyntax>();
            bool parsed;
            using (var indexLocation = extensionsLocation.Child(info, 0))
            using (var location = indexLocation.Child(ExtensionRangeOptions))
            {
                parsed = ParseExtensionRangeOptions(options, location);
            }

            // The options written once apply to every range of the statement.
            for (int i = oldCount; i < message.ExtensionRanges.Count; i++)
            {
                RangeSyntax range = message.ExtensionRanges[i];
                message.ExtensionRanges[i] = new RangeSyntax { Position = range.Position, Start = range.Start, End = range.End, HasOptions = true, Options = options };
            }

            if (!parsed)
            {
                return false;
            }

            for (int i = oldCount; i < message.ExtensionRanges.Count; i++)
            {
                foreach (SourceLocation source in info)
                {
                    if (source.Path.Length == indexPosition + 1)
                    {
                        continue;
                    }

                    int[] path = [.. source.Path];
                    path[indexPosition] = i;
                    extensionsLocation.Target.Add(new SourceLocation(path)
                    {
                        StartLine = source.StartLine,
                        StartColumn = source.StartColumn,
                        EndLine = source.EndLine,
                        EndColumn = source.EndColumn,
                        LeadingComments = source.LeadingComments,
                        TrailingComments = source.TrailingComments,
                        LeadingDetachedComments = source.LeadingDetachedComments,
                    });
                }
            }
        }

        return ConsumeEndOfDeclaration(";", extensionsLocation);
    }

    private bool ParseExtensionRangeOptions(List<OptionSyntax> options, LocationRecorder location)
    {
        if (!Consume("["))
        {
            return false;
        }

        do
        {
            if (!ParseOption(options, location, OptionStyle.Assignment))
            {
                return false;
            }
        }
        while (TryConsume(","));

        return Consume("]");
    }

    private bool ParseReserved(List<RangeSyntax> ranges, List<ReservedNameSyntax> names, LocationRecorder parent, int rangeField, int nameField, bool isEnum)
    {
        Token startToken = Current;
        if (!Consume("reserved"))
        {
            return false;
        }

        if (LookingAt(TokenKind.String) || LookingAt(TokenKind.Identifier) && !LookingAt("max"))
        {
            bool identifiers = LookingAt(TokenKind.Identifier);
            using var location = parent.Child(nameField);
            location.StartAt(startToken);
            if (_syntax == ProtoSyntax.Editions && !identifiers)
            {
                Error("Reserved names must be identifiers in editions, not string literals.");
                return false;
            }

            if (_syntax != ProtoSyntax.Editions && identifiers)
            {
                Error("Reserved names must be string literals. (Only editions supports identifiers.)");
                return false;
            }

            do
            {
                using var nameLocation = location.Child(names.Count);
                var position = TextPosition.Of(Current);
                string name;
                if (identifiers)
                {
                    if (!ConsumeIdentifier(out name, "Expected enum value or number range."))
                    {
                        return false;
                    }
                }
                else
                {
                    if (!ConsumeString(out name, isEnum ? "Expected enum value." : "Expected field name."))
                    {
                        return false;
                    }

                    if (!Literals.IsIdentifier(name))
                    {
                        Warning(position.Line, position.Column, $"Reserved name \"{name}\" is not a valid identifier.");
                    }
                }

                names.Add(new ReservedNameSyntax(name, position));
            }
            while (TryConsume(","));

            return ConsumeEndOfDeclaration(";", location);
        }

        using (var location = parent.Child(rangeField))
        {
            location.StartAt(startToken);
            bool first = true;
            do
            {
                using var rangeLocation = location.Child(ranges.Count);
                var position = TextPosition.Of(Current);
                string error = isEnum
                    ? (first ? "Expected enum value or number range." : "Expected enum number range.")
                    : (first ? "Expected field name or number range." : "Expected field number range.");
                bool parsed = ParseNumberRange(rangeLocation, signed: isEnum, error, isEnum ? int.MaxValue : MaxRangeSentinel - 1, out int start, out int end);
                ranges.Add(new RangeSyntax { Position = position, Start = start, End = isEnum ? end : end + 1 });
                if (!parsed)
                {
                    return false;
                }

                first = false;
            }
            while (TryConsume(","));

            return ConsumeEndOfDeclaration(";", location);
        }
    }

    /// <summary>
    /// Reads one range of an <c>extensions</c> or <c>reserved</c> statement, "N", "N to M" or "N to max", and records its
    /// start and end as protoc does. Numbers are signed for enums; <paramref name="maxValue"/> is what <c>max</c> means.
    /// </summary>
    private bool ParseNumberRange(LocationRecorder rangeLocation, bool signed, string startError, int maxValue, out int start, out int end)
    {
        end = 0;
        Token startToken;
        using (rangeLocation.Child(RangeStart))
        {
            startToken = Current;
            if (!(signed ? ConsumeSignedInteger(out start, startError) : ConsumeInteger(out start, startError)))
            {
                return false;
            }
        }

        return ParseRangeEnd(start, startToken, rangeLocation, maxValue, signed, "Expected integer.", out end);
    }

    /// <summary>
    /// Reads what may follow a range's first number: "to N", "to max" (<paramref name="maxValue"/>) or nothing (the
    /// range is that one number). Extension, reserved and subtype ranges share this grammar. With a location recorder,
    /// the end is recorded as protoc records it: at the end token, or at the start token for a one-number range.
    /// </summary>
    private bool ParseRangeEnd(int start, Token startToken, LocationRecorder? rangeLocation, int maxValue, bool signed, string error, out int end)
    {
        if (!TryConsume("to"))
        {
            if (rangeLocation is not null)
            {
                using LocationRecorder endLocation = rangeLocation.Child(RangeEnd);
                endLocation.StartAt(startToken);
                endLocation.EndAt(startToken);
            }

            end = start;
            return true;
        }

        using LocationRecorder? location = rangeLocation?.Child(RangeEnd);
        if (TryConsume("max"))
        {
            end = maxValue;
            return true;
        }

        return signed ? ConsumeSignedInteger(out end, error) : ConsumeInteger(out end, error);
    }

    // A range written "to max" ends where the message's options, which may come after it, say.
    private static void EndMaxRanges(List<RangeSyntax> ranges, int max)
    {
        for (int i = 0; i < ranges.Count; i++)
        {
            RangeSyntax range = ranges[i];
            if (range.End == MaxRangeSentinel)
            {
                ranges[i] = new RangeSyntax
                {
                    Start = range.Start,
                    End = max,
                    Position = range.Position,
                    HasOptions = range.HasOptions,
                    Options = range.Options,
                    Location = range.Location,
                };
            }
        }
    }
}
