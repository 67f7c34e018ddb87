using System.Globalization;
using Npgsql;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Alerts folded into a parent (key-stuck rows of a stalled pipeline or a backlog): the parent's resolve summary, and
/// unfolding the rows still open <see cref="AlertOptions.FoldedGrace"/> after their parent resolved, so that no stuck key
/// stays silent. An unfolded row has outlived its pipeline explanation: no later episode adopts it.
/// </summary>
internal static class FoldedAlerts
{
    /// <summary>
    /// SQL expression, for an alert <c>a</c>: ". It held up N keys past their threshold; R have reached AD, W still waiting."
    /// (to follow its resolution text), counted from its folded rows when it is evaluated; null when nothing was folded into it.
    /// </summary>
    public const string Summary = """
        (SELECT format('. It held up %s past their threshold; %s reached AD, %s still waiting.',
                    to_char(count(*), 'FM999,999,999,990') || CASE WHEN count(*) = 1 THEN ' key' ELSE ' keys' END,
                    to_char(count(*) FILTER (WHERE c.resolved_at IS NOT NULL), 'FM999,999,999,990')
                        || CASE WHEN count(*) FILTER (WHERE c.resolved_at IS NOT NULL) = 1 THEN ' has' ELSE ' have' END,
                    to_char(count(*) FILTER (WHERE c.resolved_at IS NULL), 'FM999,999,999,990'))
         FROM alerts c WHERE c.folded_into = a.id HAVING count(*) > 0)
        """;

    // Row locks (SKIP LOCKED) so that several instances never unfold one row twice; a row its recovery is closing at
    // the same moment is skipped, and once closed it is no longer due. The opened notification goes out as any other.
    private const string Unfold = """
        WITH due AS (
            SELECT c.id, p.resolved_at AS parent_resolved_at, p.kind AS parent_kind
            FROM alerts c JOIN alerts p ON p.id = c.folded_into
            WHERE c.folded_into IS NOT NULL AND c.resolved_at IS NULL AND p.resolved_at <= @now - @grace
            ORDER BY p.resolved_at LIMIT @limit
            FOR UPDATE OF c SKIP LOCKED),
        unfolded AS (
            UPDATE alerts c SET folded_into = NULL, foldable = false, text = c.text || format(' Still stuck %s after %s (%s).',
                @graceText, CASE due.parent_kind WHEN 'sync-backlog' THEN 'the sync backlog cleared' ELSE 'the sync pipeline recovered' END,
                to_char(due.parent_resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS"Z"'))
            FROM due WHERE c.id = due.id
            RETURNING c.id, c.tenant_id, c.kind),
        queued AS (
            INSERT INTO alert_deliveries (id, alert_id, webhook_id, event, status, attempts, next_attempt_at, created_at)
            SELECT gen_random_uuid(), u.id, w.id, 'opened', 'pending', 0, @now, @now
            FROM unfolded u JOIN webhooks w ON w.tenant_id = u.tenant_id AND w.enabled AND (cardinality(w.kinds) = 0 OR u.kind = ANY(w.kinds)))
        SELECT count(*) FROM unfolded
        """;

    /// <summary>Unfolds up to <paramref name="limit"/> overdue rows in one statement (atomic) and queues their notifications.</summary>
    public static async Task<int> UnfoldOverdueAsync(NpgsqlDataSource dataSource, DateTimeOffset now, TimeSpan grace, int limit, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(Unfold);
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("grace", grace);
        command.Parameters.AddWithValue("graceText", grace.ToString("g", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("limit", limit);
        return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
