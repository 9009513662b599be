using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inkwell.Reload.Internal.Graph;

/// <summary>
/// The names whose declarations an edit of a module added, removed or changed (a signature, a base list, a modifier;
/// not a body): only code that spells one of those names can bind differently because of the edit, so only the modules
/// that mention one need their uses found again. An edit that code can bind to without spelling a name — an operator, a
/// conversion, an indexer, a method the compiler calls by pattern (<c>GetEnumerator</c>, <c>Select</c>,
/// <c>Deconstruct</c>, …), a <c>global using</c>, an assembly attribute, a namespace — has no such list: every module
/// is walked again then.
/// </summary>
internal static class DeclarationChanges
{
    // Methods and properties the compiler binds by pattern, from syntax that does not spell them (foreach, await, using,
    // query expressions, deconstruction, collection initializers, indexes and ranges, interpolated string handlers).
    private static readonly HashSet<string> s_patternNames = new(StringComparer.Ordinal)
    {
        "GetEnumerator", "GetAsyncEnumerator", "MoveNext", "MoveNextAsync", "Current", "GetAwaiter", "GetResult",
        "IsCompleted", "OnCompleted", "Dispose", "DisposeAsync", "Deconstruct", "Add", "GetPinnableReference", "Slice",
        "Length", "Count", "Select", "SelectMany", "Where", "Join", "GroupJoin", "OrderBy", "OrderByDescending", "ThenBy",
        "ThenByDescending", "GroupBy", "Cast", "AppendLiteral", "AppendFormatted", "Create", "Invoke",
    };

    /// <summary>The names declared differently in <paramref name="after"/> than in <paramref name="before"/> (with an
    /// attribute's name also without its <c>Attribute</c> suffix), or null when the edit may change binding anywhere.</summary>
    public static HashSet<string>? Between(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        Dictionary<string, List<SyntaxNode>>? old = Declarations(before.GetRoot(cancellationToken));
        Dictionary<string, List<SyntaxNode>>? now = Declarations(after.GetRoot(cancellationToken));
        if (old is null || now is null)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in old.Keys.Union(now.Keys))
        {
            bool same = old.TryGetValue(key, out List<SyntaxNode>? was) && now.TryGetValue(key, out List<SyntaxNode>? @is)
                && was.Count == @is.Count && was.Zip(@is).All(p => SyntaxFactory.AreEquivalent(p.First, p.Second, topLevel: true));
            if (same)
            {
                continue;
            }

            string name = key[(key.LastIndexOf('|') + 1)..];
            if (s_patternNames.Contains(name))
            {
                return null;
            }

            names.Add(name);
            if (name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length)
            {
                names.Add(name[..^"Attribute".Length]);
            }
        }

        return names;
    }

    /// <summary>Whether <paramref name="tree"/> spells any of <paramref name="names"/> as an identifier.</summary>
    public static bool Mentions(SyntaxTree tree, IReadOnlySet<string> names, CancellationToken cancellationToken) =>
        names.Count > 0 && tree.GetRoot(cancellationToken).DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && names.Contains(t.ValueText));

    /// <summary>Every declaration of the tree, keyed by where it is and its name ("Outer.Inner|Name"), each compared
    /// without its members (a type) or its body (a member); null when the tree declares something that binds without
    /// its name being spelled, or something outside types.</summary>
    private static Dictionary<string, List<SyntaxNode>>? Declarations(SyntaxNode root)
    {
        var declarations = new Dictionary<string, List<SyntaxNode>>(StringComparer.Ordinal);
        var unit = (CompilationUnitSyntax)root;
        if (unit.AttributeLists.Count > 0 || unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)) || unit.Externs.Count > 0)
        {
            return null;
        }

        // The file's own usings and top-level statements bind nothing elsewhere; namespaces are declarations below.
        return Collect(declarations, unit.Members, string.Empty) ? declarations : null;
    }

    private static bool Collect(Dictionary<string, List<SyntaxNode>> declarations, SyntaxList<MemberDeclarationSyntax> members, string where)
    {
        foreach (MemberDeclarationSyntax member in members)
        {
            switch (member)
            {
                case GlobalStatementSyntax:
                    continue; // part of the top level above
                case BaseNamespaceDeclarationSyntax space:
                    // A namespace's usings and name apply to what it holds: changed, they may change what its names mean.
                    Add(declarations, where + "|" + space.Name, space.WithMembers([]));
                    if (!Collect(declarations, space.Members, where + space.Name + "."))
                    {
                        return false;
                    }

                    continue;
                case TypeDeclarationSyntax type:
                    Add(declarations, where + "|" + type.Identifier.ValueText, type.WithMembers([]));
                    if (!Collect(declarations, type.Members, where + type.Identifier.ValueText + "."))
                    {
                        return false;
                    }

                    continue;
                case EnumDeclarationSyntax enumeration:
                    Add(declarations, where + "|" + enumeration.Identifier.ValueText, enumeration.WithMembers([]));
                    foreach (EnumMemberDeclarationSyntax value in enumeration.Members)
                    {
                        Add(declarations, where + enumeration.Identifier.ValueText + ".|" + value.Identifier.ValueText, value);
                    }

                    continue;
                case DelegateDeclarationSyntax @delegate:
                    Add(declarations, where + "|" + @delegate.Identifier.ValueText, @delegate);
                    continue;
                case MethodDeclarationSyntax method:
                    Add(declarations, where + "|" + method.Identifier.ValueText, method);
                    continue;
                case ConstructorDeclarationSyntax or DestructorDeclarationSyntax:
                    // Named after their type: a changed constructor is a changed type for whoever spells the type.
                    Add(declarations, where + "|" + where.TrimEnd('.').Split('.')[^1], member);
                    continue;
                case PropertyDeclarationSyntax property:
                    Add(declarations, where + "|" + property.Identifier.ValueText, property);
                    continue;
                case EventDeclarationSyntax @event:
                    Add(declarations, where + "|" + @event.Identifier.ValueText, @event);
                    continue;
                case BaseFieldDeclarationSyntax field:
                    foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                    {
                        Add(declarations, where + "|" + variable.Identifier.ValueText, field);
                    }

                    continue;
                default:
                    return false; // an operator, a conversion, an indexer: bound without a name
            }
        }

        return true;
    }

    private static void Add(Dictionary<string, List<SyntaxNode>> declarations, string key, SyntaxNode node)
    {
        if (!declarations.TryGetValue(key, out List<SyntaxNode>? list))
        {
            declarations[key] = list = [];
        }

        list.Add(node);
    }
}
