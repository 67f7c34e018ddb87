using System.Security.Claims;
using Whfb.Insights.Analytics;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Insights.Apis;

/// <summary>
/// Analytics over the projections and daily rollups of the caller's tenant (the tenant comes from the credential,
/// never from the request). Every list answers JSON, or CSV with <c>?format=csv</c> / <c>Accept: text/csv</c>.
/// </summary>
public static class AnalyticsApi
{
    public static WebApplication MapAnalyticsApi(this WebApplication app)
    {
        var api = app.MapGroup("/v1/analytics").RequireAuthorization(WhfbRoles.OperatorPolicy)
            .AddEndpointFilter<QueryProblemFilter>().WithTags("Analytics").ProducesValidationProblem();

        api.MapGet("/funnel", async (HttpRequest q, ClaimsPrincipal user, FunnelQuery funnel, TimeProvider time, CancellationToken ct) =>
                Tabular.Rows(q, await funnel.RunAsync(user.RequiredTenantId(), q.Range(time), q.OneOf("groupBy", FunnelQuery.Dimensions, "ring"), ct), "funnel"))
            .WithSummary("Enrollment funnel: policy assigned, prerequisites passed, key registered, key in AD, with conversion rates")
            .WithDescription("Query: from, to (yyyy-MM-dd, default last 30 days), groupBy = any of ring, day, domain, model (default ring), format=csv.")
            .Produces<List<FunnelRow>>();

        api.MapGet("/latency", async (HttpRequest q, ClaimsPrincipal user, LatencyQuery latency, TimeProvider time, CancellationToken ct) =>
                Tabular.Rows(q, await latency.PerDayAsync(user.RequiredTenantId(), q.Range(time), ct), "days"))
            .WithSummary("Sync latency (Entra to AD) p50/p90/p99 in minutes per day").Produces<List<LatencyRow>>();

        api.MapGet("/latency/histogram", async (HttpRequest q, ClaimsPrincipal user, LatencyQuery latency, TimeProvider time, CancellationToken ct) =>
                Tabular.Rows(q, await latency.HistogramAsync("latency_daily", user.RequiredTenantId(), q.Range(time), ct), "buckets"))
            .WithSummary("Sync latency histogram: keys per minute bucket").Produces<List<HistogramBucket>>();

        api.MapGet("/access", async (HttpRequest q, ClaimsPrincipal user, LatencyQuery latency, TimeProvider time, CancellationToken ct) =>
                Tabular.Rows(q, await latency.HistogramAsync("access_daily", user.RequiredTenantId(), q.Range(time), ct), "buckets"))
            .WithSummary("Time from policy assigned (or prerequisites passed) to key in AD: devices per hour bucket").Produces<List<HistogramBucket>>();

        api.MapGet("/failures", async (HttpRequest q, ClaimsPrincipal user, FailuresQuery failures, TimeProvider time, CancellationToken ct) =>
                Tabular.Rows(q, await failures.RunAsync(user.RequiredTenantId(), q.Range(time), q.Int("limit", 20, 1, 500), ct), "failures"))
            .WithSummary("Top failure reasons (failing prerequisites, error codes with meanings) with counts and example devices")
            .Produces<List<FailureRow>>();

        api.MapGet("/devices/{deviceId:guid}/timeline", async (Guid deviceId, HttpRequest q, ClaimsPrincipal user, TimelineQuery timeline, CancellationToken ct) =>
                Tabular.Rows(q, await timeline.DeviceAsync(user.RequiredTenantId(), deviceId, q.Int("limit", 200, 1, 5000), ct), "timeline"))
            .WithSummary("A device's lifecycle events, newest first").Produces<List<TimelineEntry>>();

        api.MapGet("/users/{user}/timeline", async (string user, HttpRequest q, ClaimsPrincipal caller, TimelineQuery timeline, CancellationToken ct) =>
                Tabular.Rows(q, await timeline.UserAsync(caller.RequiredTenantId(), QueryParameters.User(user), q.Int("limit", 200, 1, 5000), ct), "timeline"))
            .WithSummary("A user's lifecycle events (Entra object id, SID or UPN), newest first").Produces<List<TimelineEntry>>();

        api.MapGet("/keys/stuck", async (HttpRequest q, ClaimsPrincipal user, KeysQuery keys, CancellationToken ct) =>
                Tabular.Rows(q, await keys.InStateAsync(user.RequiredTenantId(), "stuck", q.Int("limit", 500, 1, 10000), ct), "keys"))
            .WithSummary("Keys currently stuck on their way to AD").Produces<List<KeyRow>>();

        api.MapGet("/keys/orphaned", async (HttpRequest q, ClaimsPrincipal user, KeysQuery keys, CancellationToken ct) =>
                Tabular.Rows(q, await keys.InStateAsync(user.RequiredTenantId(), "orphaned", q.Int("limit", 500, 1, 10000), ct), "keys"))
            .WithSummary("AD keys without a live Entra counterpart").Produces<List<KeyRow>>();

        api.MapGet("/rings", async (HttpRequest q, ClaimsPrincipal user, RingsQuery rings, CancellationToken ct) =>
                Tabular.Rows(q, await rings.RunAsync(user.RequiredTenantId(), ct), "rings"))
            .WithSummary("Ring progress: status and funnel counts per ring").Produces<List<RingRow>>();
        return app;
    }
}
