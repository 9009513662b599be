namespace Inkwell.Reload.Tests;

/// <summary>An interface shared between the tests (the host) and the modules they compile.</summary>
public interface IGreeter
{
    string Greet(string name);
}

/// <summary>A static event in a shared assembly: a module that subscribes and never unsubscribes leaks its version.</summary>
public static class SharedEvents
{
    public static event Action? Ticked;

    public static void Clear() => Ticked = null;

    public static void Raise() => Ticked?.Invoke();
}
