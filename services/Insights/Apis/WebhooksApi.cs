using System.Security.Claims;
using Microsoft.Extensions.Options;
using Whfb.Insights.Alerts;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Insights.Apis;

/// <summary>Alert webhooks of the caller's tenant: admin only; secrets are accepted but never returned.</summary>
public static partial class WebhooksApi
{
    public static WebApplication MapWebhooksApi(this WebApplication app)
    {
        var api = app.MapGroup("/v1/webhooks").RequireAuthorization(WhfbRoles.AdminPolicy).WithTags("Alerts");

        api.MapGet("/", (ClaimsPrincipal user, WebhookStore store, CancellationToken ct) => store.ListAsync(user.RequiredTenantId(), ct))
            .WithSummary("List webhooks (without secrets)");

        api.MapPost("/", async (WebhookRequest request, ClaimsPrincipal user, WebhookStore store, WebhookDestinations destinations,
                IOptions<AlertOptions> options, ILogger<WebhookStore> logger, CancellationToken ct) =>
            {
                if (Invalid(request, creating: true, destinations) is { } problem)
                {
                    return problem;
                }

                if (await store.CreateAsync(user.RequiredTenantId(), request, options.Value.MaxWebhooksPerTenant, ct) is not { } webhook)
                {
                    return Results.Problem($"A tenant may register at most {options.Value.MaxWebhooksPerTenant} webhooks: delete one first.",
                        statusCode: StatusCodes.Status409Conflict, title: "Too many webhooks");
                }

                LogChanged(logger, "created", webhook.Id, user.Actor());
                return Results.Created($"/v1/webhooks/{webhook.Id}", webhook);
            })
            .WithSummary("Create a webhook: url, secret (HMAC-SHA256 signing key), format generic|teams|slack, kinds (empty = all)")
            .Produces<Webhook>(StatusCodes.Status201Created).ProducesValidationProblem();

        api.MapPut("/{id:guid}", async (Guid id, WebhookRequest request, ClaimsPrincipal user, WebhookStore store, WebhookDestinations destinations,
                ILogger<WebhookStore> logger, CancellationToken ct) =>
            {
                if (Invalid(request, creating: false, destinations) is { } problem)
                {
                    return problem;
                }

                var webhook = await store.UpdateAsync(user.RequiredTenantId(), id, request, ct);
                LogChanged(logger, "updated", id, user.Actor());
                return webhook is null ? NotFoundProblem.Of("webhook") : Results.Ok(webhook);
            })
            .WithSummary("Replace a webhook (a null secret keeps the current one)").Produces<Webhook>().ProducesValidationProblem();

        api.MapDelete("/{id:guid}", async (Guid id, ClaimsPrincipal user, WebhookStore store, ILogger<WebhookStore> logger, CancellationToken ct) =>
            {
                var deleted = await store.DeleteAsync(user.RequiredTenantId(), id, ct);
                LogChanged(logger, "deleted", id, user.Actor());
                return deleted ? Results.NoContent() : NotFoundProblem.Of("webhook");
            })
            .WithSummary("Delete a webhook");
        return app;
    }

    private static IResult? Invalid(WebhookRequest request, bool creating, WebhookDestinations destinations) => request.Problem(creating, destinations) is { } p
        ? Results.ValidationProblem(new Dictionary<string, string[]> { [p.Field] = [p.Message] }, title: $"Invalid field '{p.Field}'")
        : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {WebhookId} {Change} by {Actor}")]
    private static partial void LogChanged(ILogger logger, string change, Guid webhookId, string actor);
}
