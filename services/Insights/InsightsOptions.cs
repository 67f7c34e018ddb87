namespace Whfb.Insights;

/// <summary>Bound from the "Insights" configuration section.</summary>
public sealed class InsightsOptions
{
    public const string Section = "Insights";

    /// <summary>Monthly history partitions created ahead of the current month.</summary>
    public int PartitionMonthsAhead { get; set; } = 2;

    /// <summary>Months before the current one that the history takes events for; older events are rejected, not written.</summary>
    public int HistoryRetentionMonths { get; set; } = 13;

    /// <summary>Most history rows written in one transaction.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    /// <summary>How long the writer waits for more rows before it writes a partial batch.</summary>
    public int BatchWindowMs { get; set; } = 20;
}
