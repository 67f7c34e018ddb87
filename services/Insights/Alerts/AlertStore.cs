using Whfb.Insights.Analytics;
using Whfb.Insights.History;

namespace Whfb.Insights.Alerts;

/// <param name="FoldedInto">The alert this one is folded into (not notified on its own), or null.</param>
/// <param name="Folded">How many alerts are folded into this one.</param>
public sealed record AlertRow(
    Guid Id, string Kind, string Title, string Text, Guid? DeviceId, DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt,
    DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, Guid? FoldedInto, long Folded, long Delivered, long Pending, long Failed);

/// <summary>Notifications of one alert kind and event (opened, resolved) in one delivery status, over every webhook of the tenant.</summary>
public sealed record NotificationCount(string Kind, string Event, string Status, long Count);

/// <summary>What to list: state (open, resolved, all), kinds (empty = all), whether folded alerts are included.</summary>
public sealed record AlertFilter(string State, IReadOnlyCollection<string> Kinds, bool IncludeFolded, int Limit);

/// <summary>Alert episodes of one tenant, with how their notifications fared; acknowledging records who and when.</summary>
public sealed class AlertStore(Db db, TimeProvider time)
{
    public static readonly string[] States = ["open", "resolved", "all"];

    public Task<List<AlertRow>> ListAsync(Guid tenant, AlertFilter filter, CancellationToken ct) => db.QueryAsync($"""
        SELECT a.id, a.kind, a.title, a.text, a.device_id, a.opened_at, a.resolved_at, a.acknowledged_at, a.acknowledged_by, a.folded_into,
               (SELECT count(*) FROM alerts c WHERE c.folded_into = a.id),
               count(*) FILTER (WHERE d.status = 'delivered'), count(*) FILTER (WHERE d.status = 'pending'), count(*) FILTER (WHERE d.status = 'failed')
        FROM alerts a LEFT JOIN alert_deliveries d ON d.alert_id = a.id
        WHERE a.tenant_id = @t {filter.State switch { "open" => "AND a.resolved_at IS NULL", "resolved" => "AND a.resolved_at IS NOT NULL", _ => "" }}
          {(filter.IncludeFolded ? "" : "AND a.folded_into IS NULL")} {(filter.Kinds.Count == 0 ? "" : "AND a.kind = ANY(@kinds)")}
        GROUP BY a.id ORDER BY a.opened_at DESC LIMIT @limit
        """, r => new AlertRow(r.GetGuid(0), r.GetString(1), r.GetString(2), r.GetString(3), r.Val<Guid>(4), r.GetFieldValue<DateTimeOffset>(5),
            r.Val<DateTimeOffset>(6), r.Val<DateTimeOffset>(7), r.Opt<string>(8), r.Val<Guid>(9), r.GetInt64(10), r.GetInt64(11), r.GetInt64(12),
            r.GetInt64(13)),
        ct, ("t", tenant), ("limit", filter.Limit), ("kinds", filter.Kinds.ToArray()));

    public Task<List<NotificationCount>> NotificationsAsync(Guid tenant, CancellationToken ct) => db.QueryAsync("""
        SELECT a.kind, d.event, d.status, count(*)
        FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
        WHERE a.tenant_id = @t
        GROUP BY a.kind, d.event, d.status ORDER BY a.kind, d.event, d.status
        """, r => new NotificationCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)), ct, ("t", tenant));

    public async Task<bool> AcknowledgeAsync(Guid tenant, Guid id, string by, CancellationToken ct) => await db.ExecuteAsync(
        "UPDATE alerts SET acknowledged_at = coalesce(acknowledged_at, @at), acknowledged_by = coalesce(acknowledged_by, @by) WHERE tenant_id = @t AND id = @id",
        ct, ("at", time.GetUtcNow()), ("by", by), ("t", tenant), ("id", id)) == 1;
}
