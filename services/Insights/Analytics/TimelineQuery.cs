using System.Text.Json;
using Whfb.Insights.History;

namespace Whfb.Insights.Analytics;

public sealed record TimelineEntry(DateTimeOffset OccurredAt, string Kind, Guid? DeviceId, Guid? UserId, string? Detail, Guid EventId, JsonElement Event);

/// <summary>A device's or a user's history, newest first (index on tenant + device / user + time in every partition).</summary>
public sealed class TimelineQuery(Db db)
{
    private const string Columns = "occurred_at, kind, device_id, user_id, detail, event_id, payload";

    public Task<List<TimelineEntry>> DeviceAsync(Guid tenant, Guid device, int limit, CancellationToken ct) => db.QueryAsync(
        $"SELECT {Columns} FROM history WHERE tenant_id = @t AND device_id = @d ORDER BY occurred_at DESC LIMIT @limit",
        Map, ct, ("t", tenant), ("d", device), ("limit", limit));

    /// <summary>
    /// <paramref name="user"/> is the Entra object id, the SID (S-1-…: the events whose device reported it, and every
    /// event of the Entra users those events name) or the UPN (resolved through the key projection and device events).
    /// </summary>
    public Task<List<TimelineEntry>> UserAsync(Guid tenant, string user, int limit, CancellationToken ct) => user.StartsWith("S-1-", StringComparison.OrdinalIgnoreCase)
        ? db.QueryAsync($$"""
            SELECT {{Columns}} FROM history
            WHERE tenant_id = @t AND (payload #>> '{header,userSid}' = @sid
                OR user_id = ANY(ARRAY(SELECT DISTINCT user_id FROM history
                                       WHERE tenant_id = @t AND payload #>> '{header,userSid}' = @sid AND user_id IS NOT NULL)))
            ORDER BY occurred_at DESC LIMIT @limit
            """, Map, ct, ("t", tenant), ("sid", "S" + user[1..]), ("limit", limit))
        : Guid.TryParse(user, out var id)
        ? db.QueryAsync($"SELECT {Columns} FROM history WHERE tenant_id = @t AND user_id = @u ORDER BY occurred_at DESC LIMIT @limit",
            Map, ct, ("t", tenant), ("u", id), ("limit", limit))
        : db.QueryAsync($"""
            SELECT {Columns} FROM history
            WHERE tenant_id = @t AND (user_id IN (SELECT user_id FROM key_state WHERE tenant_id = @t AND lower(user_principal_name) = lower(@upn))
                  OR (user_id IS NULL AND device_id IN (SELECT device_id FROM key_state WHERE tenant_id = @t AND lower(user_principal_name) = lower(@upn))
                      AND lower(user_principal_name) = lower(@upn)))
            ORDER BY occurred_at DESC LIMIT @limit
            """, Map, ct, ("t", tenant), ("upn", user), ("limit", limit));

    private static TimelineEntry Map(System.Data.Common.DbDataReader r) => new(
        r.GetFieldValue<DateTimeOffset>(0), r.GetString(1), r.Val<Guid>(2), r.Val<Guid>(3), r.Opt<string>(4), r.GetGuid(5),
        JsonDocument.Parse(r.GetString(6)).RootElement.Clone());
}
