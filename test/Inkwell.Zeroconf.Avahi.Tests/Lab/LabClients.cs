using Inkwell.Zeroconf.Avahi.Internal;
using Inkwell.Zeroconf.Avahi.Internal.DBus;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inkwell.Zeroconf.Avahi.Tests.Lab;

/// <summary>Connects the client under test to a lab host's bus, and waits on its view of the daemon.</summary>
internal static class LabClients
{
    public static Task<AvahiClient> ConnectAsync(LabHost host, CancellationToken cancellationToken, TimeSpan? callTimeout = null, ILoggerFactory? loggerFactory = null)
        => AvahiClient.ConnectAsync(
            new AvahiClientOptions
            {
                BusAddress = host.BusAddress,
                CallTimeout = callTimeout ?? TimeSpan.FromSeconds(10),
                LoggerFactory = loggerFactory ?? NullLoggerFactory.Instance,
            },
            cancellationToken);

    /// <summary>Waits until the client sees the daemon in <paramref name="state"/> (or, with null, absent).</summary>
    public static async Task WaitForServerAsync(AvahiClient client, AvahiServerState? state, CancellationToken cancellationToken)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable subscription = client.Subscribe(status =>
        {
            if (state is null ? !status.IsPresent : status.IsPresent && status.State == state)
            {
                reached.TrySetResult();
            }
        });
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(20), cancellationToken);
    }
}
