using Npgsql;
using Whfb.Insights.History;

namespace Whfb.Insights.Alerts;

/// <summary>Claims due deliveries and records outcomes.</summary>
internal static class DueDeliveries
{
    // A resolve notification waits until that webhook has the "opened" one. It says how the episode ended (with the
    // summary of the rows folded into it, counted when it is sent), the opened one what was found.
    private const string Due = """
        SELECT d.id, a.tenant_id
        FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= @now AND (d.leased_until IS NULL OR d.leased_until <= @now)
          AND NOT (d.event = 'resolved' AND EXISTS (SELECT 1 FROM alert_deliveries o WHERE o.alert_id = d.alert_id
                   AND o.webhook_id = d.webhook_id AND o.event = 'opened' AND o.status = 'pending'))
        ORDER BY d.next_attempt_at LIMIT @scan
        FOR UPDATE OF d SKIP LOCKED
        """;

    // The lease: a claimed delivery is due again only after it, so a crash while posting retries it then.
    private const string Lease = $"""
        UPDATE alert_deliveries d SET leased_until = @lease
        FROM alerts a, webhooks w
        WHERE d.id = ANY(@ids) AND a.id = d.alert_id AND w.id = d.webhook_id
        RETURNING d.id, d.event, d.attempts, a.id, a.tenant_id, a.kind, a.title,
               CASE WHEN d.event = 'resolved' THEN coalesce(a.resolution, a.text) || coalesce({FoldedAlerts.Summary}, '') ELSE a.text END,
               a.device_id, a.opened_at, a.resolved_at,
               w.id, w.name, w.url, w.secret, w.format
        """;

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries, at most <paramref name="perTenant"/>(tenant) of one tenant, in a short
    /// transaction of their own (row locks with SKIP LOCKED, so several instances share the work) that leases them until
    /// <paramref name="lease"/>: the posts happen outside any transaction, and their outcomes are recorded one by one.
    /// </summary>
    public static async Task<List<DueDelivery>> ClaimAsync(
        NpgsqlDataSource dataSource, DateTimeOffset now, int limit, Func<Guid, int> perTenant, DateTimeOffset lease, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var candidates = new List<(Guid Id, Guid Tenant)>();
        await using (var due = new NpgsqlCommand(Due, connection, transaction))
        {
            due.Parameters.AddWithValue("now", now);
            due.Parameters.AddWithValue("scan", Math.Max(limit, 20) * 5);
            await using var r = await due.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                candidates.Add((r.GetGuid(0), r.GetGuid(1)));
            }
        }

        var chosen = candidates.GroupBy(c => c.Tenant).SelectMany(g => g.Take(Math.Max(0, perTenant(g.Key)))).Take(limit).Select(c => c.Id).ToArray();
        var claimed = new List<DueDelivery>(chosen.Length);
        if (chosen.Length > 0)
        {
            await using var leasing = new NpgsqlCommand(Lease, connection, transaction);
            leasing.Parameters.AddWithValue("lease", lease);
            leasing.Parameters.AddWithValue("ids", chosen);
            await using var r = await leasing.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                claimed.Add(new DueDelivery(r.GetGuid(0), r.GetString(1), r.GetInt32(2), r.GetGuid(3), r.GetGuid(4), r.GetString(5), r.GetString(6),
                    r.GetString(7), r.Val<Guid>(8), r.GetFieldValue<DateTimeOffset>(9), r.Val<DateTimeOffset>(10), r.GetGuid(11), r.GetString(12),
                    r.GetString(13), r.GetString(14), r.GetString(15)));
            }
        }

        await transaction.CommitAsync(ct);
        return claimed;
    }

    public static async Task RecordAsync(
        NpgsqlDataSource dataSource, Guid id, string status, int attempts, DateTimeOffset next, string? error, DateTimeOffset? deliveredAt,
        CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "UPDATE alert_deliveries SET status = @s, attempts = @a, next_attempt_at = @n, last_error = @e, delivered_at = @d, leased_until = NULL WHERE id = @id");
        command.Parameters.AddWithValue("s", status);
        command.Parameters.AddWithValue("a", attempts);
        command.Parameters.AddWithValue("n", next);
        command.Parameters.AddWithValue("e", (object?)error ?? DBNull.Value);
        command.Parameters.AddWithValue("d", (object?)deliveredAt ?? DBNull.Value);
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteNonQueryAsync(ct);
    }
}
