namespace Inkwell.Reload.Tests;

public sealed class GraphTests
{
    [Fact]
    public void Chain_DependenciesAndDependentsAreExact()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 10; }")
            .Write("C.cs", "public static class C { public static int Value() => B.Value() + 100; }");
        ReloadHost host = folder.Start();
        ModuleGraph graph = host.Graph;

        Assert.Empty(graph.GetDependencies("A.cs"));
        Assert.Equal([folder.PathOf("A.cs")], graph.GetDependencies("B.cs"));
        Assert.Equal([folder.PathOf("B.cs")], graph.GetDependencies("C.cs"));
        Assert.Equal([folder.PathOf("B.cs")], graph.GetDependents("A.cs"));
        Assert.Equal([folder.PathOf("B.cs"), folder.PathOf("C.cs")], graph.GetTransitiveDependents("A.cs"));
        Assert.Equal([folder.PathOf("A.cs"), folder.PathOf("B.cs")], graph.GetTransitiveDependencies("C.cs"));
        Assert.Equal(
            [[folder.PathOf("A.cs")], [folder.PathOf("B.cs")], [folder.PathOf("C.cs")]],
            graph.Units.Select(u => u.ToArray()).ToArray());
        Assert.Equal(111, folder.Call("C", "Value"));
    }

    [Fact]
    public void Chain_ChangeAtTheBottom_ReloadsEveryDependentInOrder()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value() + 10; }")
            .Write("C.cs", "public static class C { public static int Value() => B.Value() + 100; }");
        folder.Start();

        folder.Write("A.cs", "public static class A { public static int Value() => 2; }");
        ReloadResult result = folder.Reload();

        Assert.Equal([folder.PathOf("A.cs"), folder.PathOf("B.cs"), folder.PathOf("C.cs")], result.Reloaded);
        Assert.Equal([folder.PathOf("A.cs")], result.Changed);
        Assert.Equal(112, folder.Call("C", "Value"));
        Assert.Equal(2, folder.Host.GetVersion("C.cs"));
    }

    [Fact]
    public void Diamond_ReloadsBothSidesBeforeTheTop()
    {
        using var folder = new ModuleFolder()
            .Write("Base.cs", "public static class Base { public static int Value = 1; }")
            .Write("Left.cs", "public static class Left { public static int Value() => Base.Value * 2; }")
            .Write("Right.cs", "public static class Right { public static int Value() => Base.Value * 3; }")
            .Write("Top.cs", "public static class Top { public static int Value() => Left.Value() + Right.Value(); }");
        folder.Start();

        folder.Write("Base.cs", "public static class Base { public static int Value = 10; }");
        ReloadResult result = folder.Reload();

        Assert.Equal(4, result.Reloaded.Count);
        Assert.Equal(folder.PathOf("Base.cs"), result.Reloaded[0]);
        Assert.Equal(folder.PathOf("Top.cs"), result.Reloaded[3]);
        Assert.Equal(50, folder.Call("Top", "Value"));
    }

    [Fact]
    public void Cycle_IsCompiledAsOneUnit_AndOutsidersStaySeparate()
    {
        using var folder = new ModuleFolder()
            .Write("Ping.cs", "public static class Ping { public static int Count(int n) => n == 0 ? 0 : 1 + Pong.Count(n - 1); }")
            .Write("Pong.cs", "public static class Pong { public static int Count(int n) => n == 0 ? 0 : 1 + Ping.Count(n - 1); }")
            .Write("User.cs", "public static class User { public static int Value() => Ping.Count(5); }");
        ReloadHost host = folder.Start();

        Assert.Equal([folder.PathOf("Ping.cs"), folder.PathOf("Pong.cs")], host.Graph.GetUnit("Pong.cs"));
        Assert.Equal([folder.PathOf("User.cs")], host.Graph.GetUnit("User.cs"));
        Assert.Same(host.GetAssembly("Ping.cs"), host.GetAssembly("Pong.cs"));
        Assert.Equal(5, folder.Call("User", "Value"));

        folder.Write("Pong.cs", "public static class Pong { public static int Count(int n) => n == 0 ? 0 : 2 + Ping.Count(n - 1); }");
        ReloadResult result = folder.Reload();

        Assert.Equal([folder.PathOf("Ping.cs"), folder.PathOf("Pong.cs"), folder.PathOf("User.cs")], result.Reloaded);
        Assert.Equal(7, folder.Call("User", "Value"));
    }

    [Fact]
    public void IndependentModules_AreNotTouched()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { public static int Value() => 1; }")
            .Write("B.cs", "public static class B { public static int Value() => A.Value(); }")
            .Write("Alone.cs", "public static class Alone { public static int Value() => 42; }");
        ReloadHost host = folder.Start();
        System.Reflection.Assembly before = host.GetAssembly("Alone.cs");

        folder.Write("A.cs", "public static class A { public static int Value() => 2; }");
        ReloadResult result = folder.Reload();

        Assert.DoesNotContain(folder.PathOf("Alone.cs"), result.Reloaded);
        Assert.Same(before, host.GetAssembly("Alone.cs"));
        Assert.Equal(1, host.GetVersion("Alone.cs"));
        Assert.Equal(2, host.GetVersion("B.cs"));
    }

    [Fact]
    public void UsingDirectiveAlone_IsNotAUse()
    {
        using var folder = new ModuleFolder()
            .Write("Lib.cs", "namespace Shapes; public static class Lib { public static int Value() => 1; }")
            .Write("Idle.cs", "using Shapes;\npublic static class Idle { public static int Value() => 2; }")
            .Write("Busy.cs", "using static Shapes.Lib;\npublic static class Busy { public static int Value() => Value2(); static int Value2() => Value(); }");
        ReloadHost host = folder.Start();

        Assert.Empty(host.Graph.GetDependencies("Idle.cs"));
        Assert.Equal([folder.PathOf("Lib.cs")], host.Graph.GetDependencies("Busy.cs"));
    }

    public static TheoryData<string, string> IndirectUses => new()
    {
        { "extension method", "public static class User { public static int Run() => 3.Twice(); }" },
        { "operator", "public static class User { public static int Run() => (new Money(1) + new Money(2)).Amount; }" },
        { "implicit conversion", "public static class User { public static int Run() { Money m = 5; return m.Amount; } }" },
        { "base class", "public sealed class User : Animal { public static int Run() => new User().Legs; }" },
        { "attribute", "[Marker] public static class User { public static int Run() => 1; }" },
        { "constant", "public static class User { public static int Run() => Limits.Max; }" },
        { "generic argument", "public static class User { public static int Run() => new List<Money>().Count; }" },
        { "nameof", "public static class User { public static int Run() => nameof(Limits).Length; }" },
        { "inferred type", "public static class User { public static int Run() { var x = Factory.Make(); return x.Amount; } }" },
        { "interface", "public sealed class User : IShape { public static int Run() => 1; }" },
        { "enum", "public static class User { public static int Run() => (int)Color.Blue; }" },
        { "alias", "using M = Money;\npublic static class User { public static int Run() => new M(4).Amount; }" },
        { "deconstruction", "public static class User { public static int Run() { var (a, b) = new Money(6); return a + b; } }" },
        { "foreach", "public static class User { public static int Run() { int n = 0; foreach (int i in new Range3()) n += i; return n; } }" },
    };

    [Theory]
    [MemberData(nameof(IndirectUses))]
    public void IndirectUse_IsADependency(string kind, string user)
    {
        using var folder = new ModuleFolder()
            .Write("Lib.cs", """
                public static class Ext { public static int Twice(this int x) => x * 2; }
                public readonly record struct Money(int Amount)
                {
                    public static Money operator +(Money a, Money b) => new(a.Amount + b.Amount);
                    public static implicit operator Money(int amount) => new(amount);
                    public void Deconstruct(out int a, out int b) { a = Amount; b = Amount; }
                }
                public class Animal { public int Legs => 4; }
                public sealed class MarkerAttribute : Attribute;
                public static class Limits { public const int Max = 9; }
                public static class Factory { public static Money Make() => new(8); }
                public interface IShape;
                public enum Color { Red, Blue }
                public struct Range3 { public Enumerator GetEnumerator() => new(); public struct Enumerator { int _i; public int Current => _i; public bool MoveNext() => ++_i <= 3; } }
                """)
            .Write("User.cs", user);
        ReloadHost host = folder.Start();

        Assert.True(host.Graph.GetDependencies("User.cs").Contains(folder.PathOf("Lib.cs")), kind);
    }

    [Fact]
    public void ModuleTypeAsAGenericMethodsTypeArgument_InNullableCode_IsADependency()
    {
        // The invocation is visited before the type argument's own name, and hands the type out with a nullable
        // annotation: a different symbol object for the same type, which once hid the use (the worker template's
        // AddHostedService<Worker>() did not compile).
        using var folder = new ModuleFolder()
            .Write("Registry.cs", "public static class Registry { public static string Name<T>() => typeof(T).Name; }")
            .Write("Worker.cs", "public sealed class Worker { }")
            .Write("Program.cs", "#nullable enable\npublic static class Program { public static string Run() => Registry.Name<Worker>(); }");
        ReloadHost host = folder.Start();

        Assert.Contains(folder.PathOf("Worker.cs"), host.Graph.GetDependencies("Program.cs"));
        Assert.Equal("Worker", folder.Call("Program", "Run"));
    }

    [Fact]
    public void InternalTypes_AreVisibleAcrossModules()
    {
        using var folder = new ModuleFolder()
            .Write("Ball.cs", "class Ball { internal int X = 3; }")
            .Write("Game.cs", "public static class Game { public static int Run() => new Ball().X; }");
        folder.Start();

        Assert.Equal(3, folder.Call("Game", "Run"));
    }

    [Fact]
    public void Graph_ToString_ListsEdgesRelativeToTheRoot()
    {
        using var folder = new ModuleFolder()
            .Write("A.cs", "public static class A { }")
            .Write("sub/B.cs", "public static class B { static object X => typeof(A); }");
        ReloadHost host = folder.Start();

        Assert.Equal($"A.cs -> []{Environment.NewLine}{Path.Combine("sub", "B.cs")} -> [A.cs]", host.Graph.ToString());
    }
}
