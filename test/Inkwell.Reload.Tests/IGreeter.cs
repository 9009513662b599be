namespace Inkwell.Reload.Tests;

/// <summary>An interface shared between the tests (the host) and the modules they compile.</summary>
public interface IGreeter
{
    string Greet(string name);
}
