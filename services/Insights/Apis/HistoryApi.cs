using Microsoft.EntityFrameworkCore;
using Whfb.Insights.Infrastructure;

namespace Whfb.Insights.Apis;

public static class HistoryApi
{
    public static WebApplication MapHistoryApi(this WebApplication app)
    {
        var group = app.MapGroup("/v1/history");
        group.MapGet("/recent", async (InsightsDbContext db, int? limit, Guid? deviceId, CancellationToken ct) =>
        {
            var query = db.History.AsNoTracking();
            if (deviceId is { } device)
            {
                query = query.Where(h => h.DeviceId == device);
            }

            var rows = await query.OrderByDescending(h => h.ReceivedAt).ThenByDescending(h => h.TimeCreated)
                .Take(Math.Clamp(limit ?? 20, 1, 500))
                .Select(h => new { h.Id, h.TenantId, h.DeviceId, h.DeviceName, h.WindowsEventId, h.RecordId, h.TimeCreated, h.Level })
                .ToListAsync(ct);
            return Results.Ok(new { count = await db.History.CountAsync(ct), recent = rows });
        });
        return app;
    }
}
