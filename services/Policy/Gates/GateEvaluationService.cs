using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Whfb.Policy.Infrastructure;

namespace Whfb.Policy.Gates;

/// <summary>The gate loop: every <see cref="PolicyOptions.GateInterval"/> (on <see cref="TimeProvider"/>), each running rollout's current ring.</summary>
public sealed partial class GateEvaluationService(
    IServiceScopeFactory scopes, IOptions<PolicyOptions> options, TimeProvider time, ILogger<GateEvaluationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.GateInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await EvaluateAllAsync(stoppingToken);
        }
    }

    public async Task EvaluateAllAsync(CancellationToken ct)
    {
        List<Guid> running;
        await using (var scope = scopes.CreateAsyncScope())
        {
            running = await GateRunner.RunningAsync(scope.ServiceProvider.GetRequiredService<PolicyDbContext>(), ct);
        }

        foreach (var id in running)
        {
            // A scope (and context) per rollout: one rollout's failure (Graph down, a concurrent action) leaves the others alone.
            await using var scope = scopes.CreateAsyncScope();
            try
            {
                var outcome = await scope.ServiceProvider.GetRequiredService<GateRunner>().EvaluateAsync(id, ct);
                if (outcome != "waiting")
                {
                    LogOutcome(logger, id, outcome);
                }
            }
            catch (DbUpdateConcurrencyException)
            {
                LogConcurrent(logger, id);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, id, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {RolloutId}: gate loop {Outcome}")]
    private static partial void LogOutcome(ILogger logger, Guid rolloutId, string outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Rollout {RolloutId} changed while its gate was evaluated (an operator action); evaluated again at the next tick")]
    private static partial void LogConcurrent(ILogger logger, Guid rolloutId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rollout {RolloutId}: gate evaluation failed; retrying at the next tick")]
    private static partial void LogFailed(ILogger logger, Guid rolloutId, Exception exception);
}
