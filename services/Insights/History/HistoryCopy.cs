using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Model;

namespace Whfb.Insights.History;

/// <summary>Binary COPY of history rows (the message serialized as the JSON payload) into a table shaped like <c>history</c>.</summary>
public static class HistoryCopy
{
    public const string Columns = "occurred_at, event_id, tenant_id, kind, device_id, user_id, user_principal_name, rollout_id, ring_index, detail, payload";

    public static async Task<long> CopyAsync(string table, IEnumerable<HistoryRow> rows, NpgsqlConnection connection, CancellationToken ct)
    {
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} ({Columns}) FROM STDIN (FORMAT BINARY)", ct);
        long count = 0;
        foreach (var r in rows)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(r.OccurredAt, NpgsqlDbType.TimestampTz, ct);
            await copy.WriteAsync(r.EventId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.TenantId, NpgsqlDbType.Uuid, ct);
            await copy.WriteAsync(r.Kind, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, r.DeviceId, NpgsqlDbType.Uuid, ct);
            await WriteAsync(copy, r.UserId, NpgsqlDbType.Uuid, ct);
            await WriteAsync(copy, r.UserPrincipalName, NpgsqlDbType.Text, ct);
            await WriteAsync(copy, r.RolloutId, NpgsqlDbType.Uuid, ct);
            await WriteAsync(copy, r.RingIndex, NpgsqlDbType.Integer, ct);
            await WriteAsync(copy, r.Detail, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(r.Payload, NpgsqlDbType.Jsonb, ct);
            count++;
        }

        await copy.CompleteAsync(ct);
        return count;
    }

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}
