using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Model;
using static Whfb.Insights.History.SqlArrays;

namespace Whfb.Insights.History;

/// <summary>Appends rows to the partitioned history; returns the ids that were new (redeliveries are skipped).</summary>
internal static class HistoryTable
{
    private const string Sql = """
        INSERT INTO history (occurred_at, event_id, tenant_id, kind, device_id, user_id, user_principal_name, rollout_id, ring_index, detail, payload)
        SELECT * FROM unnest(@at, @id, @tenant, @kind, @device, @user, @upn, @rollout, @ring, @detail, @payload)
        ON CONFLICT DO NOTHING
        RETURNING event_id
        """;

    public static async Task<HashSet<Guid>> InsertAsync(
        IReadOnlyCollection<HistoryRow> rows, NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = Command(Sql, connection, transaction,
            Of("at", NpgsqlDbType.TimestampTz, rows, r => r.OccurredAt),
            Of("id", NpgsqlDbType.Uuid, rows, r => r.EventId),
            Of("tenant", NpgsqlDbType.Uuid, rows, r => r.TenantId),
            Of("kind", NpgsqlDbType.Text, rows, r => r.Kind),
            Of("device", NpgsqlDbType.Uuid, rows, r => r.DeviceId),
            Of("user", NpgsqlDbType.Uuid, rows, r => r.UserId),
            Of("upn", NpgsqlDbType.Text, rows, r => r.UserPrincipalName),
            Of("rollout", NpgsqlDbType.Uuid, rows, r => r.RolloutId),
            Of("ring", NpgsqlDbType.Integer, rows, r => r.RingIndex),
            Of("detail", NpgsqlDbType.Text, rows, r => r.Detail),
            Of("payload", NpgsqlDbType.Jsonb, rows, Payload));
        var inserted = new HashSet<Guid>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted.Add(reader.GetGuid(0));
        }

        return inserted;
    }

    public static string Payload(HistoryRow row) => JsonSerializer.Serialize(row.Message, row.Message.GetType(), JsonSerializerOptions.Web);
}
