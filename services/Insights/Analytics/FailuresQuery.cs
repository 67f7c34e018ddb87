using Whfb.Insights.History;

namespace Whfb.Insights.Analytics;

public sealed record FailureRow(string Category, string Reason, string? Meaning, long Count, IReadOnlyList<Guid> ExampleDevices);

/// <summary>Top failure reasons (failing prerequisite lines, error codes with their documented meaning).</summary>
public sealed class FailuresQuery(Db db)
{
    public Task<List<FailureRow>> RunAsync(Guid tenant, DateRange range, int limit, CancellationToken ct) => db.QueryAsync("""
        SELECT category, reason, max(meaning), sum(count)::bigint,
               (SELECT array_agg(e) FROM (SELECT DISTINCT e FROM unnest(array_agg(examples[1]) || array_agg(examples[2])) e WHERE e IS NOT NULL LIMIT 3) x)
        FROM failure_daily WHERE tenant_id = @t AND day BETWEEN @from AND @to
        GROUP BY category, reason ORDER BY 4 DESC, 1, 2 LIMIT @limit
        """, r => new FailureRow(r.GetString(0), r.GetString(1), r.Opt<string>(2), r.GetInt64(3), r.Opt<Guid[]>(4) ?? []),
        ct, ("t", tenant), ("from", range.From), ("to", range.To), ("limit", limit));
}
