using Microsoft.Extensions.Options;

namespace Whfb.Insights.History;

/// <summary>Keeps the current month's and the next months' history partitions created ahead of the writes.</summary>
public sealed partial class PartitionMaintenanceService(
    HistoryPartitions partitions, TimeProvider time, IOptions<InsightsOptions> options, ILogger<PartitionMaintenanceService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var current = HistoryPartitions.MonthOf(time.GetUtcNow());
                var months = Enumerable.Range(0, options.Value.PartitionMonthsAhead + 1).Select(current.AddMonths).ToList();
                await partitions.EnsureAsync(months, stoppingToken);
                LogEnsured(logger, months.Count, current);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex);
            }

            await Task.Delay(TimeSpan.FromHours(6), time, stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "History partitions ensured: {Count} months from {Month}")]
    private static partial void LogEnsured(ILogger logger, int count, DateOnly month);

    [LoggerMessage(Level = LogLevel.Warning, Message = "History partition maintenance failed; writes create partitions on demand")]
    private static partial void LogFailed(ILogger logger, Exception ex);
}
