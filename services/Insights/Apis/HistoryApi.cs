using System.Security.Claims;
using Whfb.Insights.Analytics;
using Whfb.Insights.History;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Insights.Apis;

public static class HistoryApi
{
    private const string Recent = """
        SELECT event_id, tenant_id, device_id, user_id, kind, occurred_at, detail, recorded_at FROM history
        WHERE tenant_id = @t AND (@d::uuid IS NULL OR device_id = @d) ORDER BY recorded_at DESC, occurred_at DESC LIMIT @limit
        """;

    /// <summary>The latest lifecycle events stored for the caller's tenant (operator credential), newest first.</summary>
    public static WebApplication MapHistoryApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/history").RequireAuthorization(WhfbRoles.OperatorPolicy).WithTags("History");
        group.MapGet("/recent", async (ClaimsPrincipal user, Db db, int? limit, Guid? deviceId, CancellationToken ct) =>
        {
            var tenant = user.RequiredTenantId();
            var rows = await db.QueryAsync(Recent, r => new
            {
                EventId = r.GetGuid(0), TenantId = r.GetGuid(1), DeviceId = r.Val<Guid>(2), UserId = r.Val<Guid>(3), Kind = r.GetString(4),
                OccurredAt = r.GetFieldValue<DateTimeOffset>(5), Detail = r.Opt<string>(6), RecordedAt = r.GetFieldValue<DateTimeOffset>(7),
            }, ct, ("t", tenant), ("d", deviceId), ("limit", Math.Clamp(limit ?? 20, 1, 500)));
            var count = await db.QueryAsync("SELECT count(*) FROM history WHERE tenant_id = @t", r => r.GetInt64(0), ct, ("t", tenant));
            return Results.Ok(new { count = count[0], recent = rows });
        });
        return app;
    }
}
