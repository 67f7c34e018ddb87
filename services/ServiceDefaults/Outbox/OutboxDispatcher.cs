using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Whfb.ServiceDefaults.Retries;

namespace Whfb.ServiceDefaults.Outbox;

/// <summary>
/// Background loop: publish pending outbox rows whenever a commit signals or the poll interval passes.
/// A failure (broker down, crash seam) leaves the rows pending; they are published on a later pass.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes, OutboxSignal signal, IOptions<OutboxOptions> options, TimeProvider time,
    IHostApplicationLifetime lifetime, ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan FirstBackoff = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Rows left pending by an earlier process wait until every hosted service has started, the bus included:
        // published before its topology exists, a message to an exchange without its queue bindings yet is dropped by
        // the broker and would still be marked sent.
        await HostStarted.WaitAsync(lifetime, stoppingToken);
        var failures = 0;
        var nextCleanup = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var publisher = scope.ServiceProvider.GetRequiredService<OutboxPublisher<TContext>>();
                var published = await publisher.PublishPendingAsync(stoppingToken);
                failures = 0;
                if (time.GetUtcNow() >= nextCleanup)
                {
                    await publisher.DeleteSentAsync(stoppingToken);
                    nextCleanup = time.GetUtcNow() + CleanupEvery;
                }

                if (published > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failures++;
                LogDispatchFailed(logger, ex, failures);
                await Task.Delay(Backoff(failures), time, stoppingToken);
                continue;
            }

            await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
        }
    }

    private static TimeSpan Backoff(int failures) => ExponentialBackoff.Delay(FirstBackoff, LongestBackoff, failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed ({Failures} in a row); rows stay pending")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, int failures);
}
