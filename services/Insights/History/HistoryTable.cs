using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Model;

namespace Whfb.Insights.History;

/// <summary>
/// Appends rows to the partitioned history: binary COPY into a transaction-scoped staging table, then one
/// INSERT ... SELECT ... ON CONFLICT DO NOTHING, which returns the ids that were new (redeliveries are skipped).
/// </summary>
internal static class HistoryTable
{
    private const string Columns = "occurred_at, event_id, tenant_id, kind, device_id, user_id, user_principal_name, rollout_id, ring_index, detail, payload";

    public static async Task<HashSet<Guid>> InsertAsync(
        IReadOnlyCollection<HistoryRow> rows, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var stage = new NpgsqlCommand(
            "CREATE TEMP TABLE IF NOT EXISTS history_stage (LIKE history INCLUDING DEFAULTS) ON COMMIT DELETE ROWS", connection, transaction))
        {
            await stage.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync($"COPY history_stage ({Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var r in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(r.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(r.EventId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(r.TenantId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(r.Kind, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(copy, r.DeviceId, NpgsqlDbType.Uuid, cancellationToken);
                await WriteAsync(copy, r.UserId, NpgsqlDbType.Uuid, cancellationToken);
                await WriteAsync(copy, r.UserPrincipalName, NpgsqlDbType.Text, cancellationToken);
                await WriteAsync(copy, r.RolloutId, NpgsqlDbType.Uuid, cancellationToken);
                await WriteAsync(copy, r.RingIndex, NpgsqlDbType.Integer, cancellationToken);
                await WriteAsync(copy, r.Detail, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(Payload(r), NpgsqlDbType.Jsonb, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(
            $"INSERT INTO history ({Columns}) SELECT {Columns} FROM history_stage ON CONFLICT DO NOTHING RETURNING event_id", connection, transaction);
        var inserted = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetGuid(0));
        }

        return inserted;
    }

    public static string Payload(HistoryRow row) => JsonSerializer.Serialize(row.Message, row.Message.GetType(), JsonSerializerOptions.Web);

    private static Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);
}
