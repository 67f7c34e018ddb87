using Npgsql;
using NpgsqlTypes;
using Whfb.Insights.Projections;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Opens and closes alert episodes in the history write's transaction and queues one delivery per matching webhook:
/// an episode already open is not opened again (de-duplicated), closing one queues the resolve notification.
/// An opening that folds into an open parent episode (a key stuck only because the pipeline stalled) is recorded
/// with <c>folded_into</c> and queues nothing, and neither does its close. A close also closes the open episodes under
/// the change's <see cref="AlertChange.AlsoCloses"/> keys (a key's episode opened before its device was known).
/// A pipeline episode that opens adopts the tenant's open foldable alerts (<see cref="AlertChange.AdoptsFoldable"/>).
/// </summary>
internal static class AlertEpisodes
{
    // FOR SHARE: a concurrent close of the parent (another instance's batch) either waits for this transaction (and
    // its resolve summary counts this row) or commits first, and then this row sees the parent closed and is not folded.
    private const string Open = """
        INSERT INTO alerts (id, tenant_id, episode_key, kind, title, text, device_id, opened_at, foldable, folded_into)
        VALUES (gen_random_uuid(), @t, @episode, @kind, @title, @text, @device, @at, @foldable,
                (SELECT p.id FROM alerts p WHERE p.tenant_id = @t AND p.episode_key = @parent AND p.resolved_at IS NULL FOR SHARE))
        ON CONFLICT (tenant_id, episode_key) WHERE resolved_at IS NULL DO NOTHING
        RETURNING id, folded_into IS NULL, false
        """;

    // The third column: the episode has folded rows, so its resolve notification (which counts them) waits for their
    // recoveries, which SyncTracker sends after the pipeline's own.
    private const string Close = """
        UPDATE alerts a SET resolved_at = @at, resolution = @text
        WHERE a.tenant_id = @t AND a.episode_key = ANY(@episodes) AND a.resolved_at IS NULL
        RETURNING a.id, a.folded_into IS NULL, EXISTS (SELECT 1 FROM alerts c WHERE c.folded_into = a.id)
        """;

    // Adoption: open foldable alerts not folded, or folded into an episode that has resolved since or opened before this
    // one (a stall after a backlog: the events travel apart, so the backlog's end may be applied after the stall's
    // start), fold into the new episode. Notifications of theirs not sent yet are withheld; those sent stay sent.
    private const string Adopt = """
        WITH adopted AS (
            SELECT c.id FROM alerts c
            WHERE c.tenant_id = @t AND c.foldable AND c.resolved_at IS NULL AND c.id <> @parent
              AND (c.folded_into IS NULL OR EXISTS (SELECT 1 FROM alerts p WHERE p.id = c.folded_into AND (p.resolved_at IS NOT NULL OR p.opened_at < @at)))
            FOR UPDATE OF c),
        folded AS (UPDATE alerts c SET folded_into = @parent FROM adopted WHERE c.id = adopted.id RETURNING c.id),
        withheld AS (
            UPDATE alert_deliveries d SET status = 'withheld', leased_until = NULL
            FROM adopted WHERE d.alert_id = adopted.id AND d.status = 'pending' AND (d.leased_until IS NULL OR d.leased_until <= @now)
            RETURNING d.id)
        UPDATE alerts p SET text = p.text || format(' It adopts %s open key-stuck %s raised before it%s.',
                (SELECT count(*) FROM folded), CASE WHEN (SELECT count(*) FROM folded) = 1 THEN 'alert' ELSE 'alerts' END,
                CASE WHEN (SELECT count(*) FROM withheld) = 0 THEN '' ELSE format(' (%s of their notifications not yet sent are withheld)', (SELECT count(*) FROM withheld)) END)
        WHERE p.id = @parent AND EXISTS (SELECT 1 FROM folded)
        """;

    private const string Queue = """
        INSERT INTO alert_deliveries (id, alert_id, webhook_id, event, status, attempts, next_attempt_at, created_at)
        SELECT gen_random_uuid(), @alert, w.id, @event, 'pending', 0, @due, @now
        FROM webhooks w WHERE w.tenant_id = @t AND w.enabled AND (cardinality(w.kinds) = 0 OR @kind = ANY(w.kinds))
        """;

    public static async Task ApplyAsync(
        IEnumerable<AlertChange> changes, DateTimeOffset now, TimeSpan foldSummaryDelay, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        foreach (var change in changes)
        {
            foreach (var (alert, summarisesFolds) in await ChangeAsync(change, c, t, ct))
            {
                if (change.Opens && change.AdoptsFoldable)
                {
                    await AdoptAsync(change, alert, now, c, t, ct);
                }

                await using var queue = new NpgsqlCommand(Queue, c, t);
                queue.Parameters.AddWithValue("alert", alert);
                queue.Parameters.AddWithValue("event", change.Opens ? "opened" : "resolved");
                queue.Parameters.AddWithValue("due", summarisesFolds ? now + foldSummaryDelay : now);
                queue.Parameters.AddWithValue("now", now);
                queue.Parameters.AddWithValue("t", change.TenantId);
                queue.Parameters.AddWithValue("kind", change.Kind);
                await queue.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static async Task AdoptAsync(AlertChange change, Guid parent, DateTimeOffset now, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        await using var adopt = new NpgsqlCommand(Adopt, c, t);
        adopt.Parameters.AddWithValue("t", change.TenantId);
        adopt.Parameters.AddWithValue("at", change.At);
        adopt.Parameters.AddWithValue("parent", parent);
        adopt.Parameters.AddWithValue("now", now);
        await adopt.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The alerts opened or closed that are to be notified (none when nothing changed), each with whether it summarises folded rows.</summary>
    private static async Task<List<(Guid Alert, bool SummarisesFolds)>> ChangeAsync(
        AlertChange change, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(change.Opens ? Open : Close, c, t);
        command.Parameters.AddWithValue("t", change.TenantId);
        command.Parameters.AddWithValue("episode", change.EpisodeKey);
        command.Parameters.AddWithValue("episodes", (string[])[change.EpisodeKey, .. change.AlsoCloses]);
        command.Parameters.AddWithValue("kind", change.Kind);
        command.Parameters.AddWithValue("title", change.Title);
        command.Parameters.AddWithValue("text", change.Text);
        command.Parameters.AddWithValue("device", (object?)change.DeviceId ?? DBNull.Value);
        command.Parameters.AddWithValue("at", change.At);
        command.Parameters.AddWithValue("foldable", change.Foldable);
        command.Parameters.Add(new NpgsqlParameter("parent", NpgsqlDbType.Text) { Value = (object?)change.FoldsInto ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var notified = new List<(Guid, bool)>(1);
        while (await reader.ReadAsync(ct))
        {
            if (reader.GetBoolean(1))
            {
                notified.Add((reader.GetGuid(0), reader.GetBoolean(2)));
            }
        }

        return notified;
    }
}
