using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Whfb.Insights.Infrastructure;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Insights.Apis;

public static class HistoryApi
{
    /// <summary>The latest raw device records of the caller's tenant (operator credential).</summary>
    public static WebApplication MapHistoryApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/history").RequireAuthorization(WhfbRoles.OperatorPolicy).WithTags("History");
        group.MapGet("/recent", async (ClaimsPrincipal user, InsightsDbContext db, int? limit, Guid? deviceId, CancellationToken ct) =>
        {
            var tenant = user.RequiredTenantId();
            var query = db.History.AsNoTracking().Where(h => h.TenantId == tenant);
            if (deviceId is { } device)
            {
                query = query.Where(h => h.DeviceId == device);
            }

            var rows = await query.OrderByDescending(h => h.ReceivedAt).ThenByDescending(h => h.TimeCreated)
                .Take(Math.Clamp(limit ?? 20, 1, 500))
                .Select(h => new { h.Id, h.TenantId, h.DeviceId, h.DeviceName, h.WindowsEventId, h.RecordId, h.TimeCreated, h.Level })
                .ToListAsync(ct);
            return Results.Ok(new { count = await db.History.CountAsync(h => h.TenantId == tenant, ct), recent = rows });
        });
        return app;
    }
}
