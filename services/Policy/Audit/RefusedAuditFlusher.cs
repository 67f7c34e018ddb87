using Microsoft.Extensions.Options;
using Whfb.Policy.Infrastructure;

namespace Whfb.Policy.Audit;

/// <summary>At the end of each <see cref="PolicyOptions.RefusedAuditWindow"/>, writes the repeated refusals of the window as one row per kind.</summary>
public sealed partial class RefusedAuditFlusher(
    RefusedRequestTally tally, IServiceScopeFactory scopes, IOptions<PolicyOptions> options, TimeProvider time, ILogger<RefusedAuditFlusher> logger)
    : BackgroundService
{
    public const string Actor = "policy";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefusedAuditWindow, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping: the last window is written below
        }

        await FlushAsync(CancellationToken.None);
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        var (repeated, beyondCap) = tally.Drain();
        if (repeated.Count == 0 && beyondCap == 0)
            return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PolicyDbContext>();
            var now = time.GetUtcNow();
            foreach (var (refusal, repeats) in repeated)
            {
                db.Record(refusal.TenantId, refusal.RolloutId, refusal.Actor, "refused",
                    $"{refusal.Detail}: {repeats.Count} more between {repeats.First:u} and {repeats.Last:u}", now);
            }

            if (beyondCap > 0)
            {
                db.Record(null, null, Actor, "refused",
                    $"{beyondCap} refused writes of more than {options.Value.RefusedAuditMaxKinds} kinds in one window, counted only", now);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            LogFlushFailed(logger, repeated.Count, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Kinds} kinds of repeated refused writes to the audit failed")]
    private static partial void LogFlushFailed(ILogger logger, int kinds, Exception error);
}
