using Microsoft.Extensions.Options;

namespace Whfb.Insights.Alerts;

/// <summary>Runs the dispatcher every <see cref="AlertOptions.PollIntervalMs"/> (real time; due times use the TimeProvider).</summary>
public sealed partial class AlertDeliveryService(AlertDispatcher dispatcher, IOptions<AlertOptions> options, ILogger<AlertDeliveryService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.PollIntervalMs));
        do
        {
            try
            {
                while (await dispatcher.DispatchDueAsync(stoppingToken) > 0)
                {
                    // more may be due
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert dispatch round failed; retrying at the next poll")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
