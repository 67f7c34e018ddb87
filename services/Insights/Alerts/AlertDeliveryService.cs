using Microsoft.Extensions.Options;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Starts due posts every <see cref="AlertOptions.PollIntervalMs"/> (real time; due times use the TimeProvider) without
/// waiting for earlier ones, which finish on their own.
/// </summary>
public sealed partial class AlertDeliveryService(AlertDispatcher dispatcher, IOptions<AlertOptions> options, ILogger<AlertDeliveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PollIntervalMs));
        var posting = new List<Task>();
        do
        {
            try
            {
                // Start what is due while slots are free (more may be due); posts go on between polls.
                while (await dispatcher.StartDueAsync(stoppingToken) is var (unfolded, started) && unfolded + started.Count > 0)
                {
                    posting.AddRange(started);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            posting.RemoveAll(t => t.IsCompleted);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
        await Task.WhenAll(posting);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert dispatch round failed; retrying at the next poll")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
