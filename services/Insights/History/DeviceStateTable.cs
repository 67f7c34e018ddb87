using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Projections;
using static Whfb.Insights.History.SqlArrays;

namespace Whfb.Insights.History;

internal static class DeviceStateTable
{
    private const string Columns = "tenant_id, device_id, device_name, domain, device_model, rollout_id, ring_index, " +
        "policy_assigned_at, prereqs_passed_at, key_registered_at, key_in_ad_at, last_failure, updated_at";

    public static NpgsqlBatchCommand? Load(ProjectionSet probe)
    {
        var keys = probe.Devices.Keys.ToList();
        return Statement(
            $"SELECT {Columns} FROM device_state WHERE (tenant_id, device_id) IN (SELECT * FROM unnest(@t, @d)) FOR UPDATE", keys.Count,
            Of("t", NpgsqlDbType.Uuid, keys, k => k.Tenant), Of("d", NpgsqlDbType.Uuid, keys, k => k.Device));
    }

    public static void Read(NpgsqlDataReader r, ProjectionSet set)
    {
        var d = new DeviceState
        {
            TenantId = r.GetGuid(0), DeviceId = r.GetGuid(1), DeviceName = r.Opt<string>(2), Domain = r.Opt<string>(3),
            DeviceModel = r.Opt<string>(4), RolloutId = r.Val<Guid>(5), RingIndex = r.Val<int>(6), PolicyAssignedAt = r.Val<DateTimeOffset>(7),
            PrereqsPassedAt = r.Val<DateTimeOffset>(8), KeyRegisteredAt = r.Val<DateTimeOffset>(9), KeyInAdAt = r.Val<DateTimeOffset>(10),
            LastFailure = r.Opt<string>(11), UpdatedAt = r.GetFieldValue<DateTimeOffset>(12),
        };
        set.Devices[(d.TenantId, d.DeviceId)] = d;
    }

    public static NpgsqlBatchCommand? Save(ProjectionSet set)
    {
        var rows = set.Devices.Values.ToList();
        var assignments = string.Join(", ", Columns.Split(", ").Skip(2).Select(col => $"{col} = excluded.{col}"));
        return Statement(
            $"INSERT INTO device_state ({Columns}) SELECT * FROM unnest(@t, @d, @n, @dom, @m, @ro, @ri, @pa, @pp, @kr, @ka, @lf, @u) " +
            $"ON CONFLICT (tenant_id, device_id) DO UPDATE SET {assignments}", rows.Count,
            Of("t", NpgsqlDbType.Uuid, rows, d => d.TenantId), Of("d", NpgsqlDbType.Uuid, rows, d => d.DeviceId),
            Of("n", NpgsqlDbType.Text, rows, d => d.DeviceName), Of("dom", NpgsqlDbType.Text, rows, d => d.Domain),
            Of("m", NpgsqlDbType.Text, rows, d => d.DeviceModel), Of("ro", NpgsqlDbType.Uuid, rows, d => d.RolloutId),
            Of("ri", NpgsqlDbType.Integer, rows, d => d.RingIndex), Of("pa", NpgsqlDbType.TimestampTz, rows, d => d.PolicyAssignedAt),
            Of("pp", NpgsqlDbType.TimestampTz, rows, d => d.PrereqsPassedAt), Of("kr", NpgsqlDbType.TimestampTz, rows, d => d.KeyRegisteredAt),
            Of("ka", NpgsqlDbType.TimestampTz, rows, d => d.KeyInAdAt), Of("lf", NpgsqlDbType.Text, rows, d => d.LastFailure),
            Of("u", NpgsqlDbType.TimestampTz, rows, d => d.UpdatedAt));
    }
}
