using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Projections;
using static Whfb.Insights.History.SqlArrays;

namespace Whfb.Insights.History;

internal static class KeyStateTable
{
    private const string Columns = "tenant_id, user_id, device_id, user_principal_name, entra_key_id, ad_key_id, ad_object_dn, state, " +
        "created_in_entra_at, stuck_since, hints, synced_at, latency_seconds, orphan_reason, updated_at";

    /// <summary>The rows the probe touched and those it may fold away (a key whose device became known), locked.</summary>
    public static NpgsqlBatchCommand? Load(ProjectionSet probe) =>
        ByKey($"SELECT {Columns} FROM key_state WHERE (tenant_id, user_id, device_id) IN (SELECT * FROM unnest(@t, @u, @d)) FOR UPDATE",
            [.. probe.Keys.Keys.Union(probe.FoldCandidates)]);

    /// <summary>Deletes the rows folded into another row, in the batch's transaction.</summary>
    public static NpgsqlBatchCommand? Delete(ProjectionSet set) =>
        ByKey("DELETE FROM key_state WHERE (tenant_id, user_id, device_id) IN (SELECT * FROM unnest(@t, @u, @d))", [.. set.FoldedKeys]);

    private static NpgsqlBatchCommand? ByKey(string sql, List<(Guid Tenant, Guid User, Guid Device)> keys) => Statement(sql, keys.Count,
        Of("t", NpgsqlDbType.Uuid, keys, k => k.Tenant), Of("u", NpgsqlDbType.Uuid, keys, k => k.User), Of("d", NpgsqlDbType.Uuid, keys, k => k.Device));

    public static void Read(NpgsqlDataReader r, ProjectionSet set)
    {
        var k = new KeyState
        {
            TenantId = r.GetGuid(0), UserId = r.GetGuid(1), DeviceId = r.GetGuid(2), UserPrincipalName = r.Opt<string>(3),
            EntraKeyId = r.Opt<string>(4), AdKeyId = r.Opt<string>(5), AdObjectDn = r.Opt<string>(6), State = r.GetString(7),
            CreatedInEntraAt = r.Val<DateTimeOffset>(8), StuckSince = r.Val<DateTimeOffset>(9), Hints = r.Opt<string>(10),
            SyncedAt = r.Val<DateTimeOffset>(11), LatencySeconds = r.Val<double>(12), OrphanReason = r.Opt<string>(13),
            UpdatedAt = r.GetFieldValue<DateTimeOffset>(14),
        };
        set.Keys[(k.TenantId, k.UserId, k.DeviceId)] = k;
    }

    public static NpgsqlBatchCommand? Save(ProjectionSet set)
    {
        var rows = set.Keys.Values.ToList();
        var assignments = string.Join(", ", Columns.Split(", ").Skip(3).Select(col => $"{col} = excluded.{col}"));
        return Statement(
            $"INSERT INTO key_state ({Columns}) SELECT * FROM unnest(@t, @u, @d, @upn, @ek, @ak, @dn, @s, @c, @ss, @h, @sa, @l, @o, @up) " +
            $"ON CONFLICT (tenant_id, user_id, device_id) DO UPDATE SET {assignments}", rows.Count,
            Of("t", NpgsqlDbType.Uuid, rows, k => k.TenantId), Of("u", NpgsqlDbType.Uuid, rows, k => k.UserId),
            Of("d", NpgsqlDbType.Uuid, rows, k => k.DeviceId), Of("upn", NpgsqlDbType.Text, rows, k => k.UserPrincipalName),
            Of("ek", NpgsqlDbType.Text, rows, k => k.EntraKeyId), Of("ak", NpgsqlDbType.Text, rows, k => k.AdKeyId),
            Of("dn", NpgsqlDbType.Text, rows, k => k.AdObjectDn), Of("s", NpgsqlDbType.Text, rows, k => k.State),
            Of("c", NpgsqlDbType.TimestampTz, rows, k => k.CreatedInEntraAt), Of("ss", NpgsqlDbType.TimestampTz, rows, k => k.StuckSince),
            Of("h", NpgsqlDbType.Text, rows, k => k.Hints), Of("sa", NpgsqlDbType.TimestampTz, rows, k => k.SyncedAt),
            Of("l", NpgsqlDbType.Double, rows, k => k.LatencySeconds), Of("o", NpgsqlDbType.Text, rows, k => k.OrphanReason),
            Of("up", NpgsqlDbType.TimestampTz, rows, k => k.UpdatedAt));
    }
}
