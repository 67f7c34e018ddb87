namespace Whfb.Insights.Analytics;

/// <summary>Inclusive range of UTC days a query covers.</summary>
public sealed record DateRange(DateOnly From, DateOnly To);
