namespace Whfb.Benchmarks.Insights;

/// <summary>The same answers computed the naive way: straight from the raw history, no projections or rollups.</summary>
public static class NaiveQueries
{
    public const string Funnel = """
        WITH assigned AS (
            SELECT h.rollout_id, h.ring_index, d.device::uuid AS device
            FROM history h, jsonb_array_elements_text(h.payload->'deviceIds') AS d(device) WHERE h.tenant_id = @t AND h.kind = 'RingAssigned'),
        steps AS (
            SELECT device_id, bool_or(kind = 'ProvisioningReadinessReported' AND detail = 'ready') AS p,
                   bool_or(kind = 'NgcKeyRegistered') AS k, bool_or(kind IN ('KeySynced', 'KeySyncRecovered')) AS ad
            FROM history WHERE tenant_id = @t AND device_id IS NOT NULL GROUP BY device_id)
        SELECT a.rollout_id, a.ring_index, count(*), count(*) FILTER (WHERE s.p), count(*) FILTER (WHERE s.k), count(*) FILTER (WHERE s.ad)
        FROM assigned a LEFT JOIN steps s ON s.device_id = a.device GROUP BY 1, 2
        """;

    public const string Latency = """
        SELECT occurred_at::date, count(*),
               percentile_disc(ARRAY[0.5, 0.9, 0.99]) WITHIN GROUP (ORDER BY (payload->>'latency')::interval)
        FROM history WHERE tenant_id = @t AND kind = 'KeySynced' AND occurred_at >= @from AND occurred_at < @to
        GROUP BY 1 ORDER BY 1
        """;

    public const string Failures = """
        SELECT kind, detail, count(*), (array_agg(device_id))[1:3]
        FROM history WHERE tenant_id = @t AND kind IN ('NgcKeyRegistrationFailed', 'ProvisioningReadinessReported') AND detail <> 'ready'
          AND occurred_at >= @from AND occurred_at < @to
        GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 20
        """;

    public const string StuckKeys = """
        SELECT * FROM (
            SELECT DISTINCT ON (user_id, device_id) user_id, device_id, kind, occurred_at
            FROM history WHERE tenant_id = @t AND kind IN ('KeySyncStuck', 'KeySynced', 'KeySyncRecovered')
            ORDER BY user_id, device_id, occurred_at DESC) latest
        WHERE kind = 'KeySyncStuck' LIMIT 500
        """;

    public const string Access = """
        WITH assigned AS (
            SELECT d.device::uuid AS device, min(h.occurred_at) AS at
            FROM history h, jsonb_array_elements_text(h.payload->'deviceIds') AS d(device) WHERE h.tenant_id = @t AND h.kind = 'RingAssigned' GROUP BY 1),
        synced AS (SELECT device_id, min(occurred_at) AS at FROM history WHERE tenant_id = @t AND kind = 'KeySynced' GROUP BY 1)
        SELECT floor(extract(epoch FROM s.at - a.at) / 3600)::int, count(*) FROM assigned a JOIN synced s ON s.device_id = a.device GROUP BY 1 ORDER BY 1
        """;
}
