using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Whfb.Insights.Extensions;

/// <summary>
/// The resilience of the alert webhook client: a circuit breaker per receiver (host and port), and no retries. The
/// dispatcher already retries every delivery durably, in PostgreSQL, with its own backoff and attempt count
/// (Insights:Alerts:MaxAttempts, FirstBackoffSeconds); retries here would multiply those attempts, hold a delivery
/// slot while they wait, and post the same signed notification several times per recorded attempt. The timeout stays
/// the client's (Insights:Alerts:TimeoutSeconds, real time), which the dispatcher records as a failed attempt.
/// </summary>
internal static class WebhookResilience
{
    public static IHttpClientBuilder AddWebhookCircuitBreaker(this IHttpClientBuilder builder)
    {
        builder.AddHttpMessageHandler(() => new OpenCircuitAsHttpError());
        builder.AddResilienceHandler("webhook-receiver", pipeline => pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                // A receiver that keeps failing is skipped for a while: its deliveries fail at once and go back to the
                // dispatcher's backoff, instead of each one waiting out the timeout in a slot other tenants need.
                FailureRatio = 0.8,
                MinimumThroughput = 5,
                SamplingDuration = TimeSpan.FromMinutes(1),
                BreakDuration = TimeSpan.FromSeconds(30),
            }))
            // One breaker per receiver: one tenant's dead endpoint must not stop notifications to the others.
            .SelectPipelineByAuthority();
        return builder;
    }

    /// <summary>An open circuit as the <see cref="HttpRequestException"/> the dispatcher records as a failed attempt.</summary>
    private sealed class OpenCircuitAsHttpError : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            catch (ExecutionRejectedException ex)
            {
                throw new HttpRequestException($"webhook receiver skipped: {ex.Message}", ex);
            }
        }
    }
}
