using System.Globalization;
using System.Text;
using Inkwell.Internal;
using Inkwell.Protobuf.Syntax;

namespace Inkwell.Protobuf.Inheritance;

/// <summary>
/// Rewrites each file that takes part in a hierarchy into standard protobuf by editing its text, so that comments and
/// layout survive: the <c>: Animal = 100</c> and <c>subtypes …;</c> go away, new imports follow the last import (or
/// the <c>syntax</c> statement), and what the encoding adds to a message goes on lines of its own before the
/// message's closing brace, indented one level deeper than the brace.
/// </summary>
internal sealed class LoweredSourceWriter(HierarchyBuilder hierarchies, Action<CompiledFile, TextPosition, string> error)
{
    private const string AnyProto = "google/protobuf/any.proto";

    private readonly Dictionary<CompiledFile, List<Edit>> _edits = [];
    private readonly Dictionary<CompiledFile, List<string>> _addedImports = [];
    private readonly Dictionary<CompiledFile, HashSet<string>> _droppedImports = [];
    private readonly Dictionary<CompiledFile, Dictionary<MessageSyntax, List<string>>> _members = [];
    private readonly HashSet<(CompiledFile File, string Import)> _neededImports = [];

    /// <summary>Plans every edit and checks that the lowered files import no file in a cycle; false when something was reported.</summary>
    public bool Plan(IReadOnlyList<CompiledFile> files)
    {
        foreach (HierarchySubtype subtype in hierarchies.Subtypes)
        {
            InheritanceSyntax inheritance = subtype.Message.Inheritance!;
            AddEdit(subtype.File, new Edit(inheritance.StartOffset, inheritance.EndOffset - inheritance.StartOffset, "", TrimSpaceBefore: true));
            AddImport(subtype.File, ProtoCompiler.InheritanceProto);
        }

        foreach (HierarchyBase hierarchyBase in hierarchies.Bases.Values)
        {
            if (hierarchyBase.Message.Subtypes is { } declared)
            {
                AddEdit(hierarchyBase.File, new Edit(declared.StartOffset, declared.EndOffset - declared.StartOffset, "", RemoveBlankLine: true));
            }

            AddImport(hierarchyBase.File, ProtoCompiler.InheritanceProto);
            if (hierarchyBase.Encoding == SubtypeEncoding.Any)
            {
                AddImport(hierarchyBase.File, AnyProto);
            }

            if (hierarchyBase.Encoding == SubtypeEncoding.Oneof)
            {
                foreach (HierarchySubtype subtype in hierarchyBase.Subtypes.Where(s => s.File != hierarchyBase.File))
                {
                    AddImport(hierarchyBase.File, subtype.File.Name);
                }
            }
        }

        Dictionary<string, HierarchyBase> roots = RootsBySubtype();
        foreach (CompiledFile file in files)
        {
            PlanFieldTypes(file, roots);
            PlanDroppedImports(file);
            PlanMembers(file);
        }

        return CheckImportCycles(files);
    }

    /// <summary>The lowered text of <paramref name="file"/>, or null when lowering leaves it unchanged.</summary>
    public string? Lower(CompiledFile file, string text)
    {
        if (!_edits.TryGetValue(file, out List<Edit>? edits) && !_addedImports.ContainsKey(file))
        {
            return null;
        }

        edits = edits is null ? [] : [.. edits];
        if (_addedImports.TryGetValue(file, out List<string>? imports) && imports.Count > 0)
        {
            edits.Add(ImportEdit(file, imports, text));
        }

        if (_members.TryGetValue(file, out Dictionary<MessageSyntax, List<string>>? members))
        {
            foreach (KeyValuePair<MessageSyntax, List<string>> member in members)
            {
                edits.Add(MembersEdit(text, member.Key.CloseBraceOffset, member.Value));
            }
        }

        // What is added follows the file's line endings.
        bool crlf = text.Contains("\r\n");
        var result = new StringBuilder(text);
        foreach (Edit edit in edits.OrderByDescending(e => e.Offset).ThenByDescending(e => e.Length))
        {
            int start = edit.Offset;
            int end = edit.Offset + edit.Length;
            if (edit.TrimSpaceBefore)
            {
                while (start > 0 && text[start - 1] is ' ' or '\t')
                {
                    start--;
                }
            }

            if (edit.RemoveBlankLine)
            {
                int lineStart = start;
                while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
                {
                    lineStart--;
                }

                int lineEnd = end;
                while (lineEnd < text.Length && text[lineEnd] is ' ' or '\t' or '\r')
                {
                    lineEnd++;
                }

                if ((lineStart == 0 || text[lineStart - 1] == '\n') && lineEnd < text.Length && text[lineEnd] == '\n')
                {
                    (start, end) = (lineStart, lineEnd + 1);

                    // A blank line that separated the statement from what follows goes too when the statement
                    // opened the block or followed a blank line itself: no doubled gaps.
                    int next = end;
                    while (next < text.Length && text[next] is ' ' or '\t' or '\r')
                    {
                        next++;
                    }

                    if (next < text.Length && text[next] == '\n' && PreviousLineOpensOrIsBlank(text, start))
                    {
                        end = next + 1;
                    }
                }
            }

            result.Remove(start, end - start);
            result.Insert(start, crlf ? edit.Text.Replace("\n", "\r\n") : edit.Text);
        }

        return result.ToString();
    }

    private static bool PreviousLineOpensOrIsBlank(string text, int lineStart)
    {
        int i = lineStart - 1; // the previous line's newline
        while (i > 0 && text[i - 1] is ' ' or '\t' or '\r')
        {
            i--;
        }

        return i <= 0 || text[i - 1] is '\n' or '{';
    }

    // After the last import that stays, or after the syntax statement, each on a line of its own.
    private Edit ImportEdit(CompiledFile file, List<string> imports, string text)
    {
        HashSet<string> dropped = _droppedImports.TryGetValue(file, out HashSet<string>? d) ? d : [];
        ImportSyntax? last = file.Syntax.Imports.LastOrDefault(i => !dropped.Contains(i.Path));
        string statements = string.Concat(imports.Select(i => $"\nimport \"{i}\";"));
        if (last is not null)
        {
            return new Edit(last.EndOffset, 0, statements);
        }

        int end = file.Syntax.SyntaxStatementEndOffset;
        if (end == 0)
        {
            return new Edit(0, 0, statements.Substring(1) + "\n\n");
        }

        // A blank line before the imports, and one after them unless the file already has one there.
        bool blankFollows = text.Length > end + 1 && text[end] == '\n' && text[end + 1] is '\n' or '\r';
        return new Edit(end, 0, "\n" + statements + (blankFollows ? "" : "\n"));
    }

    // Before the closing brace: one line per member, one level deeper than the brace's line. A brace that shares its
    // line with other text (`message Dog { uint32 bones = 1; }`) moves to a line of its own.
    private static Edit MembersEdit(string text, int closeBrace, List<string> lines)
    {
        int lineStart = closeBrace;
        while (lineStart > 0 && text[lineStart - 1] != '\n')
        {
            lineStart--;
        }

        int indentEnd = lineStart;
        while (indentEnd < closeBrace && text[indentEnd] is ' ' or '\t')
        {
            indentEnd++;
        }

        string indent = text.Substring(lineStart, indentEnd - lineStart);
        bool braceAlone = indentEnd == closeBrace;
        int start = closeBrace;
        while (!braceAlone && start > 0 && text[start - 1] is ' ' or '\t')
        {
            start--;
        }

        var inserted = new StringBuilder(braceAlone ? "" : "\n");
        foreach (string part in lines.SelectMany(line => line.Split('\n')))
        {
            if (inserted.Length > 0 || !braceAlone)
            {
                inserted.Append(indent);
            }

            inserted.Append("  ").Append(part).Append('\n');
        }

        inserted.Append(indent);
        return braceAlone ? new Edit(closeBrace, 0, inserted.ToString()) : new Edit(start, closeBrace - start, inserted.ToString());
    }

    private void AddEdit(CompiledFile file, Edit edit)
    {
        if (!_edits.TryGetValue(file, out List<Edit>? edits))
        {
            _edits[file] = edits = [];
        }

        edits.Add(edit);
    }

    private void AddImport(CompiledFile file, string path)
    {
        if (!_addedImports.TryGetValue(file, out List<string>? imports))
        {
            _addedImports[file] = imports = [];
        }

        if (path != file.Name && !imports.Contains(path) && !file.Syntax.Imports.Any(i => i.Path == path))
        {
            imports.Add(path);
        }
    }

    // `Cat pet = 1;` becomes `.zoo.Animal pet = 1 [(.inkwell.declared_type) = "zoo.Cat"];`: a Cat is written as
    // its root envelope (its Animal fields, the Cat nested in them), so the field's wire type is the root's.
    // A map of subtypes is lowered the same way, the option on the map field naming the declared value type.
    private void PlanFieldTypes(CompiledFile file, Dictionary<string, HierarchyBase> roots)
    {
        if (roots.Count == 0)
        {
            return;
        }

        foreach ((FieldSyntax field, MessageSyntax? scope) in AllFields(file.Syntax))
        {
            if (field.Type == FieldType.Group || field.TypeOffset < 0 || field.NameOffset < 0)
            {
                continue;
            }

            // A map's value: `map<string, Cat>` becomes `map<string, .zoo.Animal>`, the option on the map field.
            FieldSyntax? mapKey = null;
            string? declared = file.Bound[field].TypeName;
            if (field.IsMap)
            {
                MessageSyntax? entry = scope?.NestedTypes.FirstOrDefault(m => m.Name == field.TypeName);
                if (entry is not { Fields.Count: 2 })
                {
                    continue;
                }

                (mapKey, declared) = (entry.Fields[0], file.Bound[entry.Fields[1]].TypeName);
            }

            if (declared is null || !roots.TryGetValue(declared, out HierarchyBase? root))
            {
                continue;
            }

            string rootType = "." + root.Message.FullName;
            string type = mapKey is null
                ? rootType
                : $"map<{mapKey.Type.ToString().ToLowerInvariant()}, {rootType}>";
            AddEdit(file, new Edit(field.TypeOffset, field.NameOffset - field.TypeOffset, type + " "));
            string option = $"(.inkwell.declared_type) = \"{declared.Substring(1)}\"";
            AddEdit(file, field.OptionsOffset >= 0
                ? new Edit(field.OptionsOffset, 0, option + ", ")
                : new Edit(field.OptionsEndOffset, 0, " [" + option + "]", TrimSpaceBefore: true));
            AddImport(file, ProtoCompiler.InheritanceProto);
            AddImport(file, root.File.Name);
            _neededImports.Add((file, root.File.Name));
        }
    }

    /// <summary>Every field and extension of a file, with the message it is declared in (null at the top level).</summary>
    /// <summary>Each subtype's hierarchy root, by the subtype's full name with a leading dot (as fields resolve it).</summary>
    private Dictionary<string, HierarchyBase> RootsBySubtype()
    {
        var roots = new Dictionary<string, HierarchyBase>(StringComparer.Ordinal);
        var subtypeOf = hierarchies.Subtypes.ToDictionary(s => s.Message);
        foreach (HierarchySubtype subtype in hierarchies.Subtypes)
        {
            HierarchyBase root = subtype.Base;
            while (subtypeOf.TryGetValue(root.Message, out HierarchySubtype? above))
            {
                root = above.Base;
            }

            roots["." + subtype.Message.FullName] = root;
        }

        return roots;
    }

    private static IEnumerable<(FieldSyntax Field, MessageSyntax? Scope)> AllFields(FileSyntax file)
    {
        var messages = new Stack<MessageSyntax>(file.Messages);
        foreach (FieldSyntax extension in file.Extensions)
        {
            yield return (extension, null);
        }

        while (messages.Count > 0)
        {
            MessageSyntax message = messages.Pop();
            foreach (FieldSyntax field in message.Fields.Concat(message.Extensions))
            {
                yield return (field, message);
            }

            foreach (MessageSyntax nested in message.NestedTypes)
            {
                messages.Push(nested);
            }
        }
    }

    // An import only `: Animal` needed goes (with ONEOF the base's file imports this one now), unless an
    // EXTENSIONS subtype here extends a message of that file.
    private void PlanDroppedImports(CompiledFile file)
    {
        var dropped = new HashSet<string>(file.Bound.InheritanceOnlyImports, StringComparer.Ordinal);
        dropped.RemoveWhere(path => _neededImports.Contains((file, path)));
        foreach (HierarchySubtype subtype in hierarchies.Subtypes.Where(s => s.File == file && s.Base.Encoding == SubtypeEncoding.Extensions))
        {
            dropped.Remove(subtype.Base.File.Name);
        }

        foreach (ImportSyntax import in file.Syntax.Imports.Where(i => dropped.Contains(i.Path)))
        {
            AddEdit(file, new Edit(import.StartOffset, import.EndOffset - import.StartOffset, "", RemoveBlankLine: true));
        }

        _droppedImports[file] = dropped;
    }

    private void PlanMembers(CompiledFile file)
    {
        var members = new Dictionary<MessageSyntax, List<string>>();
        foreach (HierarchySubtype subtype in hierarchies.Subtypes.Where(s => s.File == file))
        {
            List<string> text = MembersOf(subtype.Message, members);
            HierarchyBase parent = subtype.Base;
            string field = parent.Encoding switch
            {
                SubtypeEncoding.Oneof => $" field: \"{subtype.FieldName}\"",
                SubtypeEncoding.Extensions => $" field: \"{subtype.Message.FullName}.{subtype.FieldName}\"",
                _ => "",
            };
            text.Add(Invariant($"option (.inkwell.subtype) = {{ base: \"{parent.Message.FullName}\" tag: {subtype.Tag}{field} }};"));
            if (parent.Encoding == SubtypeEncoding.Extensions)
            {
                text.Add(Invariant($"extend .{parent.Message.FullName} {{\n  {OptionalLabel(file)}.{subtype.Message.FullName} {subtype.FieldName} = {subtype.Tag};\n}}"));
            }
        }

        foreach (HierarchyBase hierarchyBase in hierarchies.Bases.Values.Where(b => b.File == file))
        {
            List<string> text = MembersOf(hierarchyBase.Message, members);
            SubtypesSyntax? declared = hierarchyBase.Message.Subtypes;
            string encoding = hierarchyBase.Encoding switch
            {
                SubtypeEncoding.Any => "ANY",
                SubtypeEncoding.Extensions => "EXTENSIONS",
                _ => "ONEOF",
            };
            string range = declared is null ? "" : $" first_tag: {declared.Start} last_tag: {declared.End}";
            text.Add(Invariant($"option (.inkwell.base) = {{ encoding: {encoding}{range} field: \"{hierarchyBase.MemberName}\" }};"));
            switch (hierarchyBase.Encoding)
            {
                case SubtypeEncoding.Oneof when hierarchyBase.Subtypes.Count > 0:
                    text.Add($"oneof {hierarchyBase.MemberName} {{" +
                        string.Concat(hierarchyBase.Subtypes.Select(s => Invariant($"\n  .{s.Message.FullName} {s.FieldName} = {s.Tag};"))) + "\n}");
                    break;
                case SubtypeEncoding.Any:
                    text.Add(Invariant($"{OptionalLabel(file)}.google.protobuf.Any {hierarchyBase.MemberName} = {declared!.Start};"));
                    break;
                case SubtypeEncoding.Extensions:
                    AppendExtensionsMembers(text, hierarchyBase, declared!, file);
                    break;
            }
        }

        if (members.Count > 0)
        {
            _members[file] = members;
        }
    }

    // `extensions 100 to 198; optional int32 subtype = 199; enum Subtype { SUBTYPE_UNSPECIFIED = 0; SUBTYPE_CAT = 100; }`:
    // the last number of the declared range holds the present subtype's tag, so it never moves as subtypes are added.
    // The field is an int32 because subtypes in other files extend the base too; the enum names the ones declared
    // next to the base, for readers in other languages.
    private static void AppendExtensionsMembers(List<string> text, HierarchyBase hierarchyBase, SubtypesSyntax declared, CompiledFile file)
    {
        string member = hierarchyBase.MemberName;
        text.Add(Invariant($"extensions {declared.Start} to {declared.End - 1};"));
        text.Add(Invariant($"{OptionalLabel(file)}int32 {member} = {declared.End};"));
        text.Add($"enum {MemberNames.EnumName(member)} {{\n  {MemberNames.EnumValue(member, null)} = 0;" +
            string.Concat(hierarchyBase.Subtypes.Where(s => s.File == file).Select(s => Invariant($"\n  {MemberNames.EnumValue(member, s.Message.Name)} = {s.Tag};"))) + "\n}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string OptionalLabel(CompiledFile file) => file.Syntax.Syntax == ProtoSyntax.Proto2 ? "optional " : "";

    private static List<string> MembersOf(MessageSyntax message, Dictionary<MessageSyntax, List<string>> members)
    {
        if (!members.TryGetValue(message, out List<string>? lines))
        {
            members[message] = lines = [];
        }

        return lines;
    }

    // A ONEOF base's file imports its subtypes' files; that must not close a cycle of imports.
    private bool CheckImportCycles(IReadOnlyList<CompiledFile> files)
    {
        var byName = files.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var imports = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (CompiledFile file in files)
        {
            HashSet<string> dropped = _droppedImports.TryGetValue(file, out HashSet<string>? d) ? d : [];
            imports[file.Name] = [.. file.Syntax.Imports.Select(i => i.Path).Where(p => !dropped.Contains(p)),
                .. _addedImports.TryGetValue(file, out List<string>? added) ? added : []];
        }

        bool ok = true;
        foreach (HierarchyBase hierarchyBase in hierarchies.Bases.Values.Where(b => b.Encoding == SubtypeEncoding.Oneof))
        {
            foreach (HierarchySubtype subtype in hierarchyBase.Subtypes.Where(s => s.File != hierarchyBase.File))
            {
                List<string>? path = FindPath(subtype.File.Name, hierarchyBase.File.Name, imports, byName);
                if (path is not null)
                {
                    ok = false;
                    error(subtype.File, subtype.Message.Inheritance!.BaseTypePosition,
                        $"\"{hierarchyBase.Message.FullName}\" uses ONEOF encoding, so \"{hierarchyBase.File.Name}\" would have to import \"{subtype.File.Name}\", " +
                        $"which depends on \"{hierarchyBase.File.Name}\" ({string.Join(" -> ", path)}). Declare \"subtypes … [encoding = ANY];\" or " +
                        $"\"[encoding = EXTENSIONS]\" in \"{hierarchyBase.Message.FullName}\" to keep \"{subtype.Message.Name}\" in its own file, or move it into \"{hierarchyBase.File.Name}\".");
                }
            }
        }

        return ok;
    }

    private static List<string>? FindPath(string from, string to, Dictionary<string, List<string>> imports, Dictionary<string, CompiledFile> byName)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(from);
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        while (queue.Count > 0)
        {
            string current = queue.Dequeue();
            if (current == to)
            {
                var path = new List<string> { to };
                while (path[^1] != from)
                {
                    path.Add(previous[path[^1]]);
                }

                path.Reverse();
                return path;
            }

            foreach (string next in imports.TryGetValue(current, out List<string>? list) ? list : [])
            {
                if (byName.ContainsKey(next) && seen.Add(next))
                {
                    previous[next] = current;
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    /// <summary>Replaces <paramref name="Length"/> characters at <paramref name="Offset"/>; optionally with the blanks before, or the whole line when nothing else is on it.</summary>
    private sealed record Edit(int Offset, int Length, string Text, bool TrimSpaceBefore = false, bool RemoveBlankLine = false);
}
