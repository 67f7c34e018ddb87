using Whfb.Insights.History;

namespace Whfb.Insights.Analytics;

public sealed record RingRow(
    Guid RolloutId, string RolloutName, int RingIndex, string Status, int Devices, string? Reason, DateTimeOffset? AssignedAt,
    long PrerequisitesPassed, long KeyRegistered, long KeyInAd);

/// <summary>Ring progress: each ring's status and how many of its devices reached each funnel step.</summary>
public sealed class RingsQuery(Db db)
{
    public Task<List<RingRow>> RunAsync(Guid tenant, CancellationToken ct) => db.QueryAsync("""
        SELECT r.rollout_id, r.rollout_name, r.ring_index, r.status, r.devices, r.reason, r.assigned_at,
               coalesce(sum(f.prereqs_passed), 0)::bigint, coalesce(sum(f.key_registered), 0)::bigint, coalesce(sum(f.key_in_ad), 0)::bigint
        FROM ring_state r
        LEFT JOIN funnel_daily f ON f.tenant_id = r.tenant_id AND f.rollout_id = r.rollout_id AND f.ring_index = r.ring_index
        WHERE r.tenant_id = @t AND r.ring_index >= 0
        GROUP BY r.rollout_id, r.rollout_name, r.ring_index, r.status, r.devices, r.reason, r.assigned_at
        ORDER BY r.rollout_name, r.ring_index
        """, r => new RingRow(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetString(3), r.GetInt32(4), r.Opt<string>(5),
            r.Val<DateTimeOffset>(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9)), ct, ("t", tenant));
}
