using Npgsql;
using Whfb.Insights.History;

namespace Whfb.Insights.Alerts;

/// <summary>Claims due deliveries (row locks, SKIP LOCKED so several instances share the work) and records outcomes.</summary>
internal static class DueDeliveries
{
    // A resolve notification waits until that webhook has the "opened" one. It says how the episode ended (with the
    // summary of the rows folded into it, counted when it is sent), the opened one what was found.
    private const string Claim = $"""
        SELECT d.id, d.event, d.attempts, a.id, a.tenant_id, a.kind, a.title,
               CASE WHEN d.event = 'resolved' THEN coalesce(a.resolution, a.text) || coalesce({FoldedAlerts.Summary}, '') ELSE a.text END,
               a.device_id, a.opened_at, a.resolved_at,
               w.id, w.name, w.url, w.secret, w.format
        FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id JOIN webhooks w ON w.id = d.webhook_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= @now
          AND NOT (d.event = 'resolved' AND EXISTS (SELECT 1 FROM alert_deliveries o WHERE o.alert_id = d.alert_id
                   AND o.webhook_id = d.webhook_id AND o.event = 'opened' AND o.status = 'pending'))
        ORDER BY d.next_attempt_at LIMIT @limit
        FOR UPDATE OF d SKIP LOCKED
        """;

    public static async Task<List<DueDelivery>> ClaimAsync(NpgsqlConnection c, NpgsqlTransaction t, DateTimeOffset now, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(Claim, c, t);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("limit", limit);
        var due = new List<DueDelivery>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            due.Add(new DueDelivery(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetGuid(3), r.GetGuid(4), r.GetString(5), r.GetString(6),
                r.GetString(7), r.Val<Guid>(8), r.GetFieldValue<DateTimeOffset>(9), r.Val<DateTimeOffset>(10), r.GetGuid(11), r.GetString(12),
                r.GetString(13), r.GetString(14), r.GetString(15)));
        }

        return due;
    }

    public static async Task RecordAsync(
        NpgsqlConnection c, NpgsqlTransaction t, Guid id, string status, int attempts, DateTimeOffset next, string? error, DateTimeOffset? deliveredAt,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "UPDATE alert_deliveries SET status = @s, attempts = @a, next_attempt_at = @n, last_error = @e, delivered_at = @d WHERE id = @id", c, t);
        command.Parameters.AddWithValue("s", status);
        command.Parameters.AddWithValue("a", attempts);
        command.Parameters.AddWithValue("n", next);
        command.Parameters.AddWithValue("e", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("d", (object?)deliveredAt ?? DBNull.Value);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(ct);
    }
}
