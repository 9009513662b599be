namespace Inkwell.Zeroconf.Hosting.Tests.Lab;

/// <summary>
/// The tests that run processes in the lab and time them: one at a time, so the AOT publish (minutes of compiler on every
/// core) never runs beside a test that measures how soon an instance drops out.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LabCollection
{
    public const string Name = "Hosting lab";
}
