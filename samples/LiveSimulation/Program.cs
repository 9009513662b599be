// A tiny ecosystem that runs under `inkwell run samples/LiveSimulation`.
// Edit any file while it runs: the edited module and everything that uses it reload, the loop restarts on
// the new code, and the creatures (marked [Preserve] in World.cs) carry on where they were.
public static class Program
{
    public static async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        while (!cancellationToken.IsCancellationRequested)
        {
            World.Step();
            Console.WriteLine(Renderer.Frame());
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }
}
