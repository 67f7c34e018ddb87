using Npgsql;
using Whfb.Insights.Projections;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Opens and closes alert episodes in the history write's transaction and queues one delivery per matching webhook:
/// an episode already open is not opened again (de-duplicated), closing one queues the resolve notification.
/// </summary>
internal static class AlertEpisodes
{
    private const string Open = """
        INSERT INTO alerts (id, tenant_id, episode_key, kind, title, text, device_id, opened_at)
        VALUES (gen_random_uuid(), @t, @episode, @kind, @title, @text, @device, @at)
        ON CONFLICT (tenant_id, episode_key) WHERE resolved_at IS NULL DO NOTHING
        RETURNING id
        """;

    private const string Close = """
        UPDATE alerts SET resolved_at = @at, resolution = @text
        WHERE tenant_id = @t AND episode_key = @episode AND resolved_at IS NULL
        RETURNING id
        """;

    private const string Queue = """
        INSERT INTO alert_deliveries (id, alert_id, webhook_id, event, status, attempts, next_attempt_at, created_at)
        SELECT gen_random_uuid(), @alert, w.id, @event, 'pending', 0, @now, @now
        FROM webhooks w WHERE w.tenant_id = @t AND w.enabled AND (cardinality(w.kinds) = 0 OR @kind = ANY(w.kinds))
        """;

    public static async Task ApplyAsync(
        IEnumerable<AlertChange> changes, DateTimeOffset now, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        foreach (var change in changes)
        {
            await using var command = new NpgsqlCommand(change.Opens ? Open : Close, c, t);
            command.Parameters.AddWithValue("t", change.TenantId);
            command.Parameters.AddWithValue("episode", change.EpisodeKey);
            command.Parameters.AddWithValue("kind", change.Kind);
            command.Parameters.AddWithValue("title", change.Title);
            command.Parameters.AddWithValue("text", change.Text);
            command.Parameters.AddWithValue("device", (object?)change.DeviceId ?? DBNull.Value);
            command.Parameters.AddWithValue("at", change.At);
            if (await command.ExecuteScalarAsync(ct) is Guid alert)
            {
                await using var queue = new NpgsqlCommand(Queue, c, t);
                queue.Parameters.AddWithValue("alert", alert);
                queue.Parameters.AddWithValue("event", change.Opens ? "opened" : "resolved");
                queue.Parameters.AddWithValue("now", now);
                queue.Parameters.AddWithValue("t", change.TenantId);
                queue.Parameters.AddWithValue("kind", change.Kind);
                await queue.ExecuteNonQueryAsync(ct);
            }
        }
    }
}
