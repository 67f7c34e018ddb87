using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Whfb.ServiceDefaults.Outbox;

/// <summary>
/// Background loop pruning the inbox now and then, whether or not the service publishes through the outbox.
/// A failed pass is retried on the next one; the rows only wait a little longer.
/// </summary>
internal sealed partial class InboxPruneService<TContext>(
    IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<InboxPruneService<TContext>> logger)
    : BackgroundService
    where TContext : DbContext
{
    private static readonly TimeSpan PruneEvery = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Migrations run as a hosted service; waiting for start-up means the table exists before the first pass.
        await HostStarted.WaitAsync(lifetime, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pruner = scope.ServiceProvider.GetRequiredService<InboxPruner<TContext>>();
                if (!pruner.HasInbox)
                {
                    return;
                }

                await pruner.DeleteOldInboxAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPruneFailed(logger, ex);
            }

            await Task.Delay(PruneEvery, time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox pruning failed; rows are pruned on a later pass")]
    private static partial void LogPruneFailed(ILogger logger, Exception exception);
}
