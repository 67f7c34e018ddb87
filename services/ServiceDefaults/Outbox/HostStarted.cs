using Microsoft.Extensions.Hosting;

namespace Whfb.ServiceDefaults.Outbox;

internal static class HostStarted
{
    /// <summary>Waits until every hosted service has started (migrations and the bus included), or the host stops.</summary>
    public static async Task WaitAsync(IHostApplicationLifetime lifetime, CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        await started.Task;
    }
}
