using Whfb.Insights.History;

namespace Whfb.Insights.Analytics;

/// <summary>Funnel counts and conversion rates; rates are each step over the step before it (null when that is 0).</summary>
public sealed record FunnelRow(
    Guid? RolloutId, string? RolloutName, int? RingIndex, DateOnly? Day, string? Domain, string? DeviceModel,
    long PolicyAssigned, long PrerequisitesPassed, long KeyRegistered, long KeyInAd,
    double? PrerequisitesRate, double? RegisteredRate, double? InAdRate, double? OverallRate);

/// <summary>
/// The enrollment funnel from the daily rollup: devices reaching each step per day, grouped by any of ring, day,
/// domain and device model. A device counts on the day it reached a step, under its ring/domain/model at that time.
/// </summary>
public sealed class FunnelQuery(Db db)
{
    public static readonly string[] Dimensions = ["ring", "day", "domain", "model"];

    public Task<List<FunnelRow>> RunAsync(Guid tenant, DateRange range, IReadOnlyCollection<string> groupBy, CancellationToken ct)
    {
        string Dim(string name, string column, string type) => groupBy.Contains(name) ? column : $"NULL::{type}";
        var select = string.Join(", ",
            Dim("ring", "f.rollout_id", "uuid"), Dim("ring", "r.rollout_name", "text"), Dim("ring", "f.ring_index", "int"),
            Dim("day", "f.day", "date"), Dim("domain", "f.domain", "text"), Dim("model", "f.device_model", "text"));
        var sql = $"""
            SELECT {select}, sum(f.assigned), sum(f.prereqs_passed), sum(f.key_registered), sum(f.key_in_ad)
            FROM funnel_daily f
            LEFT JOIN ring_state r ON r.tenant_id = f.tenant_id AND r.rollout_id = f.rollout_id AND r.ring_index = f.ring_index
            WHERE f.tenant_id = @t AND f.day BETWEEN @from AND @to
            GROUP BY 1, 2, 3, 4, 5, 6
            HAVING sum(f.assigned) + sum(f.prereqs_passed) + sum(f.key_registered) + sum(f.key_in_ad) > 0
            ORDER BY 1, 3, 4, 5, 6
            """;
        return db.QueryAsync(sql, r =>
        {
            long a = r.GetInt64(6), p = r.GetInt64(7), k = r.GetInt64(8), ad = r.GetInt64(9);
            var ring = r.Val<Guid>(0);
            return new FunnelRow(ring == Guid.Empty ? null : ring, r.Opt<string>(1), r.Val<int>(2) is -1 ? null : r.Val<int>(2),
                r.Val<DateOnly>(3), Blank(r.Opt<string>(4)), Blank(r.Opt<string>(5)), a, p, k, ad,
                Rate(p, a), Rate(k, p), Rate(ad, k), Rate(ad, a));
        }, ct, ("t", tenant), ("from", range.From), ("to", range.To));
    }

    private static double? Rate(long step, long previous) => previous == 0 ? null : Math.Round((double)step / previous, 4);

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
