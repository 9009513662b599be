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
    /// attribute's name also without its <c>Attribute</c> suffix), and the names of the types removed or <i>reshaped</i>
    /// (a type's header changed: modifiers, attributes, type parameters, base types; or a partial part added); null when
    /// the edit may change binding anywhere. Code can reach a type without spelling its name (<c>var x = Factory.Make();</c>),
    /// so a reshaped type matters to every module that used it; a type only added, or a member added, removed or changed,
    /// matters only to code that spells its name.</summary>
    public static (HashSet<string> Names, HashSet<string> ReshapedTypes)? Between(SyntaxTree before, SyntaxTree after, CancellationToken cancellationToken)
    {
        Declarations? old = Declarations.Of(before.GetRoot(cancellationToken));
        Declarations? now = Declarations.Of(after.GetRoot(cancellationToken));
        if (old is null || now is null)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var reshaped = new HashSet<string>(StringComparer.Ordinal);
        foreach (string key in old.Nodes.Keys.Union(now.Nodes.Keys))
        {
            bool existed = old.Nodes.TryGetValue(key, out List<SyntaxNode>? was);
            bool exists = now.Nodes.TryGetValue(key, out List<SyntaxNode>? @is);
            bool same = existed && exists
                && was!.Count == @is!.Count && was.Zip(@is).All(p => SyntaxFactory.AreEquivalent(p.First, p.Second, topLevel: true));
            if (same)
            {
                continue;
            }

            string name = key[(key.LastIndexOf('|') + 1)..];
            if (s_patternNames.Contains(name))
            {
                return null;
            }

            if (existed ? old.Types.Contains(key) : now.Partial.Contains(key))
            {
                reshaped.Add(name);
            }

            names.Add(name);
            if (name.EndsWith("Attribute", StringComparison.Ordinal) && name.Length > "Attribute".Length)
            {
                names.Add(name[..^"Attribute".Length]);
            }
        }

        return (names, reshaped);
    }

    /// <summary>Every name <paramref name="tree"/> spells as an identifier (to test <see cref="Between"/>'s names against
    /// a module whose tree is unchanged, without walking it again).</summary>
    public static HashSet<string> IdentifiersOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        foreach (SyntaxToken token in tree.GetRoot(cancellationToken).DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken))
            {
                identifiers.Add(token.ValueText);
            }
        }

        return identifiers;
    }

    /// <summary>Every declaration of a tree, keyed by where it is and its name ("Outer.Inner|Name"), each compared
    /// without its members (a type) or its body (a member); which keys are types, and which of those are partial.</summary>
    private sealed class Declarations
    {
        public Dictionary<string, List<SyntaxNode>> Nodes { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

        public HashSet<string> Partial { get; } = new(StringComparer.Ordinal);

        /// <summary>The declarations of <paramref name="root"/>; null when the tree declares something that binds without
        /// its name being spelled, or something outside types.</summary>
        public static Declarations? Of(SyntaxNode root)
        {
            var declarations = new Declarations();
            var unit = (CompilationUnitSyntax)root;
            if (unit.AttributeLists.Count > 0 || unit.Usings.Any(u => u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)) || unit.Externs.Count > 0)
            {
                return null;
            }

            // The file's own usings and top-level statements bind nothing elsewhere; namespaces are declarations below.
            return Collect(declarations, unit.Members, string.Empty) ? declarations : null;
        }

        public void Add(string key, SyntaxNode node)
        {
            if (!Nodes.TryGetValue(key, out List<SyntaxNode>? list))
            {
                Nodes[key] = list = [];
            }

            list.Add(node);
        }

        public void AddType(string key, MemberDeclarationSyntax type, SyntaxNode header)
        {
            Add(key, header);
            Types.Add(key);
            if (type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                Partial.Add(key);
            }
        }
    }

    private static bool Collect(Declarations declarations, SyntaxList<MemberDeclarationSyntax> members, string where)
    {
        foreach (MemberDeclarationSyntax member in members)
        {
            switch (member)
            {
                case GlobalStatementSyntax:
                    continue; // part of the top level above
                case BaseNamespaceDeclarationSyntax space:
                    // A namespace's usings and name apply to what it holds: changed, they may change what its names mean.
                    declarations.Add(where + "|" + space.Name, space.WithMembers([]));
                    if (!Collect(declarations, space.Members, where + space.Name + "."))
                    {
                        return false;
                    }

                    continue;
                case TypeDeclarationSyntax type:
                    declarations.AddType(where + "|" + type.Identifier.ValueText, type, type.WithMembers([]));
                    if (!Collect(declarations, type.Members, where + type.Identifier.ValueText + "."))
                    {
                        return false;
                    }

                    continue;
                case EnumDeclarationSyntax enumeration:
                    declarations.AddType(where + "|" + enumeration.Identifier.ValueText, enumeration, enumeration.WithMembers([]));
                    foreach (EnumMemberDeclarationSyntax value in enumeration.Members)
                    {
                        declarations.Add(where + enumeration.Identifier.ValueText + ".|" + value.Identifier.ValueText, value);
                    }

                    continue;
                case DelegateDeclarationSyntax @delegate:
                    declarations.AddType(where + "|" + @delegate.Identifier.ValueText, @delegate, @delegate);
                    continue;
                case MethodDeclarationSyntax method:
                    declarations.Add(where + "|" + method.Identifier.ValueText, method);
                    continue;
                case ConstructorDeclarationSyntax or DestructorDeclarationSyntax:
                    // Named after their type: a changed constructor is a changed type for whoever spells the type.
                    declarations.Add(where + "|" + where.TrimEnd('.').Split('.')[^1], member);
                    continue;
                case PropertyDeclarationSyntax property:
                    declarations.Add(where + "|" + property.Identifier.ValueText, property);
                    continue;
                case EventDeclarationSyntax @event:
                    declarations.Add(where + "|" + @event.Identifier.ValueText, @event);
                    continue;
                case BaseFieldDeclarationSyntax field:
                    foreach (VariableDeclaratorSyntax variable in field.Declaration.Variables)
                    {
                        declarations.Add(where + "|" + variable.Identifier.ValueText, field);
                    }

                    continue;
                default:
                    return false; // an operator, a conversion, an indexer: bound without a name
            }
        }

        return true;
    }
}
