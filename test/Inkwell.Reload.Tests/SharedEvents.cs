namespace Inkwell.Reload.Tests;

/// <summary>A static event in a shared assembly: a module that subscribes and never unsubscribes leaks its version.</summary>
public static class SharedEvents
{
    public static event Action? Ticked;

    public static void Clear() => Ticked = null;

    public static void Raise() => Ticked?.Invoke();
}
