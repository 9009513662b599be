namespace Inkwell.Zeroconf;

/// <summary>A registered service got a new instance name after a conflict (<see cref="ServiceRegistration.NameChanged"/>).</summary>
/// <param name="previousName">The name the service had before.</param>
/// <param name="name">The new name, also in <see cref="ServiceRegistration.Name"/>.</param>
public sealed class ServiceNameChangedEventArgs(string previousName, string name) : EventArgs
{
    /// <summary>The name the service had before.</summary>
    public string PreviousName { get; } = previousName;

    /// <summary>The new name, also in <see cref="ServiceRegistration.Name"/>.</summary>
    public string Name { get; } = name;
}
