using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Projections;
using static Whfb.Insights.History.SqlArrays;

namespace Whfb.Insights.History;

internal static class RingStateTable
{
    private const string Columns = "tenant_id, rollout_id, ring_index, rollout_name, status, devices, reason, assigned_at, updated_at";

    public static NpgsqlBatchCommand? Load(ProjectionSet probe)
    {
        var keys = probe.Rings.Keys.ToList();
        return Statement(
            $"SELECT {Columns} FROM ring_state WHERE (tenant_id, rollout_id, ring_index) IN (SELECT * FROM unnest(@t, @r, @i)) FOR UPDATE", keys.Count,
            Of("t", NpgsqlDbType.Uuid, keys, k => k.Tenant), Of("r", NpgsqlDbType.Uuid, keys, k => k.Rollout),
            Of("i", NpgsqlDbType.Integer, keys, k => k.Ring));
    }

    public static void Read(NpgsqlDataReader r, ProjectionSet set)
    {
        var s = new RingState
        {
            TenantId = r.GetGuid(0), RolloutId = r.GetGuid(1), RingIndex = r.GetInt32(2), RolloutName = r.GetString(3),
            Status = r.GetString(4), Devices = r.GetInt32(5), Reason = r.Opt<string>(6), AssignedAt = r.Val<DateTimeOffset>(7),
            UpdatedAt = r.GetFieldValue<DateTimeOffset>(8),
        };
        set.Rings[(s.TenantId, s.RolloutId, s.RingIndex)] = s;
    }

    public static NpgsqlBatchCommand? Save(ProjectionSet set)
    {
        var rows = set.Rings.Values.ToList();
        var assignments = string.Join(", ", Columns.Split(", ").Skip(3).Select(col => $"{col} = excluded.{col}"));
        return Statement(
            $"INSERT INTO ring_state ({Columns}) SELECT * FROM unnest(@t, @r, @i, @n, @s, @d, @re, @a, @u) " +
            $"ON CONFLICT (tenant_id, rollout_id, ring_index) DO UPDATE SET {assignments}", rows.Count,
            Of("t", NpgsqlDbType.Uuid, rows, s => s.TenantId), Of("r", NpgsqlDbType.Uuid, rows, s => s.RolloutId),
            Of("i", NpgsqlDbType.Integer, rows, s => s.RingIndex), Of("n", NpgsqlDbType.Text, rows, s => s.RolloutName),
            Of("s", NpgsqlDbType.Text, rows, s => s.Status), Of("d", NpgsqlDbType.Integer, rows, s => s.Devices),
            Of("re", NpgsqlDbType.Text, rows, s => s.Reason), Of("a", NpgsqlDbType.TimestampTz, rows, s => s.AssignedAt),
            Of("u", NpgsqlDbType.TimestampTz, rows, s => s.UpdatedAt));
    }
}
