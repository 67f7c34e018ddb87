using Microsoft.Extensions.Options;

namespace Whfb.SyncTracker.Tracking;

/// <summary>The clock: every interval, applies the thresholds (stuck, orphaned, stalled) to the configured tenant and every loaded one.</summary>
public sealed partial class SyncEvaluationService(
    SyncCoordinator coordinator, IOptions<SyncTrackerOptions> options, TimeProvider time, ILogger<SyncEvaluationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EvaluateInterval, time);
        do
        {
            try
            {
                await EvaluateAllAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task EvaluateAllAsync(CancellationToken cancellationToken)
    {
        var tenants = coordinator.LoadedTenants.Append(options.Value.TenantId).Where(t => t != Guid.Empty).Distinct();
        foreach (var tenant in tenants)
        {
            await coordinator.RunAsync(tenant, (engine, _, _) =>
            {
                engine.Evaluate();
                return Task.FromResult(true);
            }, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Evaluating sync thresholds failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
