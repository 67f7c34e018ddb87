using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Projections;
using static Whfb.Insights.History.SqlArrays;

namespace Whfb.Insights.History;

/// <summary>
/// The statements that add a batch's deltas to the daily rollups (additive upserts, sent in the history write's
/// transaction together with the projection saves); a rollup the batch adds nothing to gets no statement.
/// </summary>
internal static class RollupStore
{
    public static IEnumerable<NpgsqlBatchCommand?> Statements(RollupDeltas deltas) =>
        [Funnel(deltas), Histogram("latency_daily", "minutes", deltas.Latency), Histogram("access_daily", "hours", deltas.Access), Failures(deltas)];

    private static NpgsqlBatchCommand? Funnel(RollupDeltas deltas)
    {
        var funnel = deltas.Funnel.ToList();
        return Statement("""
            INSERT INTO funnel_daily AS f SELECT * FROM unnest(@t, @day, @r, @i, @dom, @m, @a, @p, @k, @ad)
            ON CONFLICT (tenant_id, day, rollout_id, ring_index, domain, device_model) DO UPDATE SET
                assigned = f.assigned + excluded.assigned, prereqs_passed = f.prereqs_passed + excluded.prereqs_passed,
                key_registered = f.key_registered + excluded.key_registered, key_in_ad = f.key_in_ad + excluded.key_in_ad
            """, funnel.Count,
            Of("t", NpgsqlDbType.Uuid, funnel, f => f.Key.TenantId), Of("day", NpgsqlDbType.Date, funnel, f => f.Key.Day),
            Of("r", NpgsqlDbType.Uuid, funnel, f => f.Key.RolloutId), Of("i", NpgsqlDbType.Integer, funnel, f => f.Key.RingIndex),
            Of("dom", NpgsqlDbType.Text, funnel, f => f.Key.Domain), Of("m", NpgsqlDbType.Text, funnel, f => f.Key.DeviceModel),
            Of("a", NpgsqlDbType.Integer, funnel, f => f.Value.Assigned), Of("p", NpgsqlDbType.Integer, funnel, f => f.Value.PrereqsPassed),
            Of("k", NpgsqlDbType.Integer, funnel, f => f.Value.KeyRegistered), Of("ad", NpgsqlDbType.Integer, funnel, f => f.Value.KeyInAd));
    }

    private static NpgsqlBatchCommand? Histogram(string table, string bucket, Dictionary<HistogramKey, int> histogram)
    {
        var rows = histogram.ToList();
        return Statement(
            $"INSERT INTO {table} AS h SELECT * FROM unnest(@t, @day, @b, @n) " +
            $"ON CONFLICT (tenant_id, day, {bucket}) DO UPDATE SET count = h.count + excluded.count", rows.Count,
            Of("t", NpgsqlDbType.Uuid, rows, r => r.Key.TenantId), Of("day", NpgsqlDbType.Date, rows, r => r.Key.Day),
            Of("b", NpgsqlDbType.Integer, rows, r => r.Key.Bucket), Of("n", NpgsqlDbType.Integer, rows, r => r.Value));
    }

    private static NpgsqlBatchCommand? Failures(RollupDeltas deltas)
    {
        var rows = deltas.Failures.ToList();
        return Statement("""
            INSERT INTO failure_daily AS f
            SELECT u.t, u.day, u.cat, u.reason, u.meaning, u.n, string_to_array(u.ex, ',')::uuid[]
            FROM unnest(@t, @day, @cat, @reason, @meaning, @n, @ex) AS u(t, day, cat, reason, meaning, n, ex)
            ON CONFLICT (tenant_id, day, category, reason) DO UPDATE SET
                count = f.count + excluded.count, meaning = coalesce(f.meaning, excluded.meaning),
                examples = CASE WHEN cardinality(f.examples) >= 3 THEN f.examples ELSE (f.examples || excluded.examples)[1:3] END
            """, rows.Count,
            Of("t", NpgsqlDbType.Uuid, rows, r => r.Key.TenantId), Of("day", NpgsqlDbType.Date, rows, r => r.Key.Day),
            Of("cat", NpgsqlDbType.Text, rows, r => r.Key.Category), Of("reason", NpgsqlDbType.Text, rows, r => r.Key.Reason),
            Of("meaning", NpgsqlDbType.Text, rows, r => r.Value.Meaning), Of("n", NpgsqlDbType.Integer, rows, r => r.Value.Count),
            Of("ex", NpgsqlDbType.Text, rows, r => string.Join(',', r.Value.Examples)));
    }
}
