using System.Security.Claims;
using Whfb.Insights.Alerts;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Insights.Apis;

/// <summary>Alert episodes of the caller's tenant: list (open, resolved or all; folded ones on request) and acknowledge.</summary>
public static class AlertsApi
{
    public static WebApplication MapAlertsApi(this WebApplication app)
    {
        var api = app.MapGroup("/v1/alerts").RequireAuthorization(WhfbRoles.OperatorPolicy)
            .AddEndpointFilter<QueryProblemFilter>().WithTags("Alerts");

        api.MapGet("/", async (HttpRequest q, ClaimsPrincipal user, AlertStore alerts, CancellationToken ct) =>
                Tabular.Rows(q, await alerts.ListAsync(user.RequiredTenantId(), Filter(q), ct), "alerts"))
            .WithSummary("List alerts: state = open | resolved | all (default); kind = comma-separated kinds (default all); "
                + "folded = false (default: key-stuck alerts folded into a stalled-pipeline alert are left out, and counted in its 'folded') | true; limit")
            .Produces<List<AlertRow>>().ProducesValidationProblem();

        api.MapGet("/notifications", async (HttpRequest q, ClaimsPrincipal user, AlertStore alerts, CancellationToken ct) =>
                Tabular.Rows(q, await alerts.NotificationsAsync(user.RequiredTenantId(), ct), "notifications"))
            .WithSummary("How many notifications the tenant's webhooks were sent or are to be sent, per alert kind, event (opened, resolved) and status "
                + "(delivered, pending, failed, withheld: a key alert adopted by a pipeline episode before it was sent)")
            .Produces<List<NotificationCount>>();

        api.MapPost("/{id:guid}/ack", async (Guid id, ClaimsPrincipal user, AlertStore alerts, CancellationToken ct) =>
                await alerts.AcknowledgeAsync(user.RequiredTenantId(), id, user.Actor(), ct) ? Results.NoContent() : NotFoundProblem.Of("alert"))
            .WithSummary("Acknowledge an alert (records who and when; the first acknowledgement is kept)");
        return app;
    }

    private static AlertFilter Filter(HttpRequest q) => new(
        q.One("state", AlertStore.States, "all"), q.OneOf("kind", WebhookRequest.AlertKinds, ""), q.Bool("folded", false), q.Int("limit", 100, 1, 1000));
}
