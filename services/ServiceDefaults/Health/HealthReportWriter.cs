using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Whfb.ServiceDefaults.Health;

/// <summary>
/// Writes a health report as JSON: overall status and one entry per check, without exception texts (they name hosts,
/// ports and users; the service's log has them); a check's data only where the check is tagged
/// <see cref="HealthEndpoints.DetailsTag"/> (written for operators, unlike e.g. the bus's endpoint addresses).
/// </summary>
internal static class HealthReportWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            durationMs = report.TotalDuration.TotalMilliseconds,
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString(),
                    description = e.Value.Description,
                    data = e.Value.Tags.Contains(HealthEndpoints.DetailsTag) && e.Value.Data.Count > 0 ? e.Value.Data : null,
                }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, JsonSerializerOptions.Web, context.RequestAborted);
    }
}
