using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Projections;
using static Whfb.Insights.History.SqlArrays;

namespace Whfb.Insights.History;

/// <summary>Adds a batch's deltas to the daily rollups (additive upserts, in the history write's transaction).</summary>
internal static class RollupStore
{
    public static async Task SaveAsync(RollupDeltas deltas, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        var funnel = deltas.Funnel.ToList();
        await using (var command = Command("""
            INSERT INTO funnel_daily AS f SELECT * FROM unnest(@t, @day, @r, @i, @dom, @m, @a, @p, @k, @ad)
            ON CONFLICT (tenant_id, day, rollout_id, ring_index, domain, device_model) DO UPDATE SET
                assigned = f.assigned + excluded.assigned, prereqs_passed = f.prereqs_passed + excluded.prereqs_passed,
                key_registered = f.key_registered + excluded.key_registered, key_in_ad = f.key_in_ad + excluded.key_in_ad
            """, c, t,
            Of("t", NpgsqlDbType.Uuid, funnel, f => f.Key.TenantId), Of("day", NpgsqlDbType.Date, funnel, f => f.Key.Day),
            Of("r", NpgsqlDbType.Uuid, funnel, f => f.Key.RolloutId), Of("i", NpgsqlDbType.Integer, funnel, f => f.Key.RingIndex),
            Of("dom", NpgsqlDbType.Text, funnel, f => f.Key.Domain), Of("m", NpgsqlDbType.Text, funnel, f => f.Key.DeviceModel),
            Of("a", NpgsqlDbType.Integer, funnel, f => f.Value.Assigned), Of("p", NpgsqlDbType.Integer, funnel, f => f.Value.PrereqsPassed),
            Of("k", NpgsqlDbType.Integer, funnel, f => f.Value.KeyRegistered), Of("ad", NpgsqlDbType.Integer, funnel, f => f.Value.KeyInAd)))
        {
            await command.ExecuteNonQueryAsync(ct);
        }

        await HistogramAsync("latency_daily", "minutes", deltas.Latency, c, t, ct);
        await HistogramAsync("access_daily", "hours", deltas.Access, c, t, ct);
        await FailuresAsync(deltas, c, t, ct);
    }

    private static async Task HistogramAsync(
        string table, string bucket, Dictionary<HistogramKey, int> histogram, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        var rows = histogram.ToList();
        await using var command = Command(
            $"INSERT INTO {table} AS h SELECT * FROM unnest(@t, @day, @b, @n) " +
            $"ON CONFLICT (tenant_id, day, {bucket}) DO UPDATE SET count = h.count + excluded.count", c, t,
            Of("t", NpgsqlDbType.Uuid, rows, r => r.Key.TenantId), Of("day", NpgsqlDbType.Date, rows, r => r.Key.Day),
            Of("b", NpgsqlDbType.Integer, rows, r => r.Key.Bucket), Of("n", NpgsqlDbType.Integer, rows, r => r.Value));
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task FailuresAsync(RollupDeltas deltas, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        var rows = deltas.Failures.ToList();
        await using var command = Command("""
            INSERT INTO failure_daily AS f
            SELECT u.t, u.day, u.cat, u.reason, u.meaning, u.n, string_to_array(u.ex, ',')::uuid[]
            FROM unnest(@t, @day, @cat, @reason, @meaning, @n, @ex) AS u(t, day, cat, reason, meaning, n, ex)
            ON CONFLICT (tenant_id, day, category, reason) DO UPDATE SET
                count = f.count + excluded.count, meaning = coalesce(f.meaning, excluded.meaning),
                examples = CASE WHEN cardinality(f.examples) >= 3 THEN f.examples ELSE (f.examples || excluded.examples)[1:3] END
            """, c, t,
            Of("t", NpgsqlDbType.Uuid, rows, r => r.Key.TenantId), Of("day", NpgsqlDbType.Date, rows, r => r.Key.Day),
            Of("cat", NpgsqlDbType.Text, rows, r => r.Key.Category), Of("reason", NpgsqlDbType.Text, rows, r => r.Key.Reason),
            Of("meaning", NpgsqlDbType.Text, rows, r => r.Value.Meaning), Of("n", NpgsqlDbType.Integer, rows, r => r.Value.Count),
            Of("ex", NpgsqlDbType.Text, rows, r => string.Join(',', r.Value.Examples)));
        await command.ExecuteNonQueryAsync(ct);
    }
}
