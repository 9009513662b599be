using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inkwell.Reload.Internal.Graph;

/// <summary>
/// Finds which modules a module uses by asking the semantic model what every piece of syntax binds to and
/// where those symbols are declared. All modules are compiled together once for this, so no module's
/// references need to be known in advance. A <c>using</c> directive alone binds only a namespace or an alias
/// and is not a use; the symbols it brings into scope count where they are used. (<c>using static T</c> and
/// <c>using X = T</c> name a type, and do count.)
/// </summary>
internal static class DependencyWalker
{
    /// <summary>The trees (by index in <paramref name="indexOf"/>) that <paramref name="tree"/> uses, the names of the
    /// types of those trees it uses, and the referenced assemblies whose symbols it uses.</summary>
    public static (HashSet<int> Uses, HashSet<string> Types, HashSet<IAssemblySymbol> Assemblies) Walk(
        CSharpCompilation compilation, IReadOnlyDictionary<SyntaxTree, int> indexOf, SyntaxTree tree, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var assemblies = new HashSet<IAssemblySymbol>(SymbolEqualityComparer.Default);
        var collector = new Collector(indexOf, indexOf[tree], assemblies);
        SemanticModel model = compilation.GetSemanticModel(tree);
        SyntaxNode root = tree.GetRoot(cancellationToken);
        foreach (SyntaxNode node in root.DescendantNodes(static n => n is not UsingDirectiveSyntax))
        {
            if (node is UsingDirectiveSyntax directive)
            {
                // `using static T;` and `using X = T;` name a type, which the unit needs to compile; a
                // namespace using needs nothing (the compiler declares every module namespace in each unit).
                if (directive.NamespaceOrType is { } target && model.GetSymbolInfo(target, cancellationToken).Symbol is ITypeSymbol type)
                {
                    collector.Add(type);
                }

                continue;
            }

            Visit(model, node, collector, cancellationToken);
        }

        return (collector.Uses, collector.Types, assemblies);
    }

    private static void Visit(SemanticModel model, SyntaxNode node, Collector collector, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax:
                // A partial type declared in several modules ties them together.
                collector.Add(model.GetDeclaredSymbol(node, cancellationToken));
                return;
            case ForEachStatementSyntax forEach:
                ForEachStatementInfo info = model.GetForEachStatementInfo(forEach);
                collector.Add(info.GetEnumeratorMethod);
                collector.Add(info.MoveNextMethod);
                collector.Add(info.CurrentProperty);
                collector.Add(info.ElementType);
                return;
            case AwaitExpressionSyntax awaitExpression:
                AwaitExpressionInfo awaitInfo = model.GetAwaitExpressionInfo(awaitExpression);
                collector.Add(awaitInfo.GetAwaiterMethod);
                break;
            case QueryClauseSyntax clause:
                QueryClauseInfo clauseInfo = model.GetQueryClauseInfo(clause, cancellationToken);
                collector.Add(clauseInfo.CastInfo.Symbol);
                collector.Add(clauseInfo.OperationInfo.Symbol);
                break;
            case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.CollectionInitializerExpression):
                foreach (ExpressionSyntax element in initializer.Expressions)
                {
                    collector.Add(model.GetCollectionInitializerSymbolInfo(element, cancellationToken).Symbol);
                }

                break;
            case AssignmentExpressionSyntax { Left: TupleExpressionSyntax or DeclarationExpressionSyntax } deconstruction:
                AddDeconstruction(model.GetDeconstructionInfo(deconstruction), collector);
                break;
        }

        SymbolInfo symbolInfo = model.GetSymbolInfo(node, cancellationToken);
        collector.Add(symbolInfo.Symbol);
        foreach (ISymbol candidate in symbolInfo.CandidateSymbols)
        {
            collector.Add(candidate);
        }

        if (node is ExpressionSyntax expression)
        {
            TypeInfo typeInfo = model.GetTypeInfo(expression, cancellationToken);
            collector.Add(typeInfo.Type);
            collector.Add(typeInfo.ConvertedType);
            collector.Add(model.GetConversion(expression, cancellationToken).MethodSymbol);
        }
    }

    private static void AddDeconstruction(DeconstructionInfo info, Collector collector)
    {
        collector.Add(info.Method);
        collector.Add(info.Conversion?.MethodSymbol);
        foreach (DeconstructionInfo nested in info.Nested)
        {
            AddDeconstruction(nested, collector);
        }
    }

    private sealed class Collector(IReadOnlyDictionary<SyntaxTree, int> indexOf, int self, HashSet<IAssemblySymbol> assemblies)
    {
        private readonly HashSet<ISymbol> _seen = new(SymbolEqualityComparer.Default);

        public HashSet<int> Uses { get; } = [];

        /// <summary>The names of the other trees' types that the tree uses (it may reach one without spelling it).</summary>
        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);

        public void Add(ISymbol? symbol)
        {
            if (symbol is null || symbol is INamespaceSymbol || !_seen.Add(symbol))
            {
                return;
            }

            switch (symbol)
            {
                case IAliasSymbol alias:
                    Add(alias.Target);
                    return;
                case IArrayTypeSymbol array:
                    Add(array.ElementType);
                    return;
                case IPointerTypeSymbol pointer:
                    Add(pointer.PointedAtType);
                    return;
                case IFunctionPointerTypeSymbol functionPointer:
                    Add(functionPointer.Signature);
                    return;
                case INamedTypeSymbol type:
                    foreach (ITypeSymbol argument in type.TypeArguments)
                    {
                        Add(argument);
                    }

                    if (!SymbolEqualityComparer.Default.Equals(type, type.OriginalDefinition))
                    {
                        Add(type.OriginalDefinition);
                        return;
                    }

                    break;
                case IMethodSymbol method:
                    Add(method.ReducedFrom);
                    foreach (ITypeSymbol argument in method.TypeArguments)
                    {
                        Add(argument);
                    }

                    if (!SymbolEqualityComparer.Default.Equals(method, method.OriginalDefinition))
                    {
                        Add(method.OriginalDefinition);
                        return;
                    }

                    break;
                case ITypeParameterSymbol or IDiscardSymbol or IErrorTypeSymbol:
                    return;
            }

            if (symbol is ILocalSymbol or IParameterSymbol or IRangeVariableSymbol or ILabelSymbol)
            {
                return;
            }

            if (symbol.ContainingAssembly is { } assembly)
            {
                assemblies.Add(assembly);
            }

            if (symbol is INamedTypeSymbol named)
            {
                // Member lookup on a type needs the assemblies of its base types and interfaces.
                for (INamedTypeSymbol? baseType = named.BaseType; baseType is not null; baseType = baseType.BaseType)
                {
                    assemblies.Add(baseType.ContainingAssembly);
                }

                foreach (INamedTypeSymbol implemented in named.AllInterfaces)
                {
                    assemblies.Add(implemented.ContainingAssembly);
                }
            }

            Add(symbol.ContainingType);
            foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
            {
                if (indexOf.TryGetValue(reference.SyntaxTree, out int index) && index != self)
                {
                    Uses.Add(index);
                    if (symbol is INamedTypeSymbol)
                    {
                        Types.Add(symbol.Name);
                    }
                }
            }
        }
    }
}
