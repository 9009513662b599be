using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Internal;

/// <summary>
/// Copies a freshly parsed (unbound) syntax tree so that it can be bound again: binding writes into the declaration
/// nodes (full names, resolved types, interpreted options), so a parse that is kept across compilations
/// (<see cref="ParsedProtoFile"/>) is never bound itself, only its copies are.
/// </summary>
/// <remarks>
/// Only the nodes the binder writes to are new objects (every <see cref="ElementSyntax"/>, and
/// <see cref="InheritanceSyntax"/>); what it only reads is shared with the original: strings, options as written,
/// imports, <c>subtypes</c> declarations, reserved names and the source locations. Copying is a walk over the tree
/// with no lexing, no string building and no comment handling, several times cheaper than parsing again
/// (docs/benchmarks.md). <c>SyntaxClonerTests</c> compares every property of the copy with the original by
/// reflection, so a property added to a node later without being copied here fails a test.
/// </remarks>
internal static class SyntaxCloner
{
    /// <summary>An unbound copy of <paramref name="file"/> (itself unbound) named <paramref name="name"/>.</summary>
    public static FileSyntax Clone(FileSyntax file, string name)
    {
        var copy = new FileSyntax
        {
            Package = file.Package,
            HasPackage = file.HasPackage,
            PackagePosition = file.PackagePosition,
            HasSourceInfo = file.HasSourceInfo,
            SyntaxStatementEndOffset = file.SyntaxStatementEndOffset,
            UsesInheritance = file.UsesInheritance,
            Syntax = file.Syntax,
            Edition = file.Edition,
            SyntaxPosition = file.SyntaxPosition,
        };
        CopyElement(file, copy);
        copy.Name = name;
        copy.Imports.AddRange(file.Imports);
        copy.Locations.AddRange(file.Locations);
        AddAll(copy.Messages, file.Messages, Clone);
        AddAll(copy.Enums, file.Enums, Clone);
        AddAll(copy.Services, file.Services, Clone);
        AddAll(copy.Extensions, file.Extensions, Clone);
        return copy;
    }

    private static MessageSyntax Clone(MessageSyntax message)
    {
        var copy = new MessageSyntax
        {
            Visibility = message.Visibility,
            Inheritance = message.Inheritance is { } inheritance ? Clone(inheritance) : null,
            Subtypes = message.Subtypes,
            CloseBraceOffset = message.CloseBraceOffset,
            IsMapEntry = message.IsMapEntry,
            IsGroup = message.IsGroup,
        };
        CopyElement(message, copy);
        AddAll(copy.Fields, message.Fields, Clone);
        AddAll(copy.NestedTypes, message.NestedTypes, Clone);
        AddAll(copy.Enums, message.Enums, Clone);
        AddAll(copy.ExtensionRanges, message.ExtensionRanges, Clone);
        AddAll(copy.Extensions, message.Extensions, Clone);
        AddAll(copy.Oneofs, message.Oneofs, Clone);
        AddAll(copy.ReservedRanges, message.ReservedRanges, Clone);
        copy.ReservedNames.AddRange(message.ReservedNames);
        return copy;
    }

    private static FieldSyntax Clone(FieldSyntax field)
    {
        var copy = new FieldSyntax
        {
            Number = field.Number,
            Label = field.Label,
            Type = field.Type,
            TypeName = field.TypeName,
            Extendee = field.Extendee,
            DefaultValue = field.DefaultValue,
            JsonName = field.JsonName,
            OneofIndex = field.OneofIndex,
            Proto3Optional = field.Proto3Optional,
            IsMap = field.IsMap,
            LabelPosition = field.LabelPosition,
            NumberPosition = field.NumberPosition,
            TypePosition = field.TypePosition,
            ExtendeePosition = field.ExtendeePosition,
            DefaultValuePosition = field.DefaultValuePosition,
            JsonNamePosition = field.JsonNamePosition,
            TypeOffset = field.TypeOffset,
            NameOffset = field.NameOffset,
            OptionsOffset = field.OptionsOffset,
            OptionsEndOffset = field.OptionsEndOffset,
            IsPackedByDefault = field.IsPackedByDefault,
            DescriptorJsonName = field.DescriptorJsonName,
        };
        CopyElement(field, copy);
        return copy;
    }

    private static EnumSyntax Clone(EnumSyntax enumType)
    {
        var copy = new EnumSyntax { Visibility = enumType.Visibility };
        CopyElement(enumType, copy);
        AddAll(copy.Values, enumType.Values, Clone);
        AddAll(copy.ReservedRanges, enumType.ReservedRanges, Clone);
        copy.ReservedNames.AddRange(enumType.ReservedNames);
        return copy;
    }

    private static EnumValueSyntax Clone(EnumValueSyntax value)
    {
        var copy = new EnumValueSyntax { Number = value.Number, NumberPosition = value.NumberPosition };
        CopyElement(value, copy);
        return copy;
    }

    private static ServiceSyntax Clone(ServiceSyntax service)
    {
        var copy = new ServiceSyntax();
        CopyElement(service, copy);
        AddAll(copy.Methods, service.Methods, Clone);
        return copy;
    }

    private static MethodSyntax Clone(MethodSyntax method)
    {
        var copy = new MethodSyntax
        {
            InputType = method.InputType,
            OutputType = method.OutputType,
            ClientStreaming = method.ClientStreaming,
            ServerStreaming = method.ServerStreaming,
            InputTypePosition = method.InputTypePosition,
            OutputTypePosition = method.OutputTypePosition,
        };
        CopyElement(method, copy);
        return copy;
    }

    private static OneofSyntax Clone(OneofSyntax oneof)
    {
        var copy = new OneofSyntax { IsSynthetic = oneof.IsSynthetic };
        CopyElement(oneof, copy);
        return copy;
    }

    private static RangeSyntax Clone(RangeSyntax range)
    {
        var copy = new RangeSyntax { Start = range.Start, End = range.End, Position = range.Position };
        CopyElement(range, copy);
        return copy;
    }

    private static InheritanceSyntax Clone(InheritanceSyntax inheritance) => new()
    {
        BaseTypeName = inheritance.BaseTypeName,
        BaseTypePosition = inheritance.BaseTypePosition,
        Tag = inheritance.Tag,
        TagPosition = inheritance.TagPosition,
        StartOffset = inheritance.StartOffset,
        EndOffset = inheritance.EndOffset,
    };

    // What every declaration has from the parser.
    private static void CopyElement(ElementSyntax source, ElementSyntax target)
    {
        target.Name = source.Name;
        target.FullName = source.FullName;
        target.NamePosition = source.NamePosition;
        target.Options.AddRange(source.Options);
        target.HasOptions = source.HasOptions;
        target.Location = source.Location;
    }

    private static void AddAll<T>(List<T> target, List<T> source, Func<T, T> clone)
    {
        target.Capacity = source.Count;
        foreach (T item in source)
        {
            target.Add(clone(item));
        }
    }
}
