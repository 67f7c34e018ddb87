using Microsoft.Extensions.Options;
using Whfb.Insights.Model;

namespace Whfb.Insights.History;

/// <summary>
/// The months the history keeps partitions for: from <see cref="InsightsOptions.HistoryRetentionMonths"/> before the
/// current month to <see cref="InsightsOptions.PartitionMonthsAhead"/> after it. A row outside is not written (it would
/// create a partition of its own, for every tenant, forever): it is rejected with the window as its reason.
/// </summary>
public sealed class HistoryWindow(IOptions<InsightsOptions> options, TimeProvider time)
{
    public (DateTimeOffset From, DateTimeOffset To) Bounds
    {
        get
        {
            var month = HistoryPartitions.MonthOf(time.GetUtcNow());
            return (Start(month.AddMonths(-options.Value.HistoryRetentionMonths)), Start(month.AddMonths(options.Value.PartitionMonthsAhead + 1)));
        }
    }

    public (List<HistoryRow> Inside, List<HistoryRow> Outside) Split(IReadOnlyList<HistoryRow> rows)
    {
        var (from, to) = Bounds;
        var (inside, outside) = (new List<HistoryRow>(rows.Count), new List<HistoryRow>());
        foreach (var row in rows)
        {
            (row.OccurredAt >= from && row.OccurredAt < to ? inside : outside).Add(row);
        }

        return (inside, outside);
    }

    public string Reason(HistoryRow row)
    {
        var (from, to) = Bounds;
        return $"occurredAt {row.OccurredAt:O} is outside the history window [{from:yyyy-MM-dd}, {to:yyyy-MM-dd})";
    }

    private static DateTimeOffset Start(DateOnly month) => new(month.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
