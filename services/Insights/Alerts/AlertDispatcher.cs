using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;
using Whfb.ServiceDefaults.Retries;
using Whfb.ServiceDefaults.Telemetry;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Posts due notifications (signed) and records each outcome: delivered, retry later with backoff, or failed after
/// the last attempt. The state lives in PostgreSQL, so a restart continues where it stopped. Posts run outside any
/// transaction and in parallel, with a per-tenant limit, so one tenant's slow receivers hold up nobody else's.
/// </summary>
public sealed partial class AlertDispatcher(
    NpgsqlDataSource dataSource, IHttpClientFactory http, WebhookSecrets secrets, TimeProvider time, IOptions<AlertOptions> options,
    ILogger<AlertDispatcher> logger)
{
    public const string HttpClientName = "alert-webhooks";

    private readonly Lock slots = new();
    private readonly Dictionary<Guid, int> postingPerTenant = [];
    private int posting;

    /// <summary>Unfolds overdue folded alerts, then posts what is due and waits for those posts; how much it did (0 = nothing was due).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var (done, started) = await StartDueAsync(ct);
        await Task.WhenAll(started);
        return done + started.Count;
    }

    /// <summary>
    /// Unfolds overdue folded alerts, then starts posting as many due notifications as there are free slots (at most
    /// <see cref="AlertOptions.MaxParallelDeliveries"/> posting at once, <see cref="AlertOptions.MaxParallelPerTenant"/>
    /// of one tenant) without waiting for them, so a tenant whose receivers hang holds only its own slots.
    /// </summary>
    public async Task<(int Unfolded, IReadOnlyList<Task> Posts)> StartDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var unfolded = await FoldedAlerts.UnfoldOverdueAsync(dataSource, time.GetUtcNow(), settings.FoldedGrace, 500, ct);
        if (unfolded > 0)
        {
            LogUnfolded(logger, unfolded, settings.FoldedGrace);
        }

        Dictionary<Guid, int> busy;
        int free;
        lock (slots)
        {
            (busy, free) = (new Dictionary<Guid, int>(postingPerTenant), settings.MaxParallelDeliveries - posting);
        }

        if (free <= 0)
        {
            return (unfolded, []);
        }

        var now = time.GetUtcNow();
        var due = await DueDeliveries.ClaimAsync(dataSource, now, free, tenant => settings.MaxParallelPerTenant - busy.GetValueOrDefault(tenant),
            now + TimeSpan.FromSeconds(settings.TimeoutSeconds * 3), ct);
        return (unfolded, [.. due.Select(d => PostingAsync(d, ct))]);
    }

    private async Task PostingAsync(DueDelivery delivery, CancellationToken ct)
    {
        lock (slots)
        {
            posting++;
            postingPerTenant[delivery.TenantId] = postingPerTenant.GetValueOrDefault(delivery.TenantId) + 1;
        }

        try
        {
            await Task.Yield();
            await DeliverAsync(delivery, ct);
        }
        finally
        {
            lock (slots)
            {
                posting--;
                if (--postingPerTenant[delivery.TenantId] == 0)
                {
                    postingPerTenant.Remove(delivery.TenantId);
                }
            }
        }
    }

    private async Task DeliverAsync(DueDelivery delivery, CancellationToken ct)
    {
        var error = await PostAsync(delivery, ct);
        var now = time.GetUtcNow();
        var attempts = delivery.Attempts + 1;
        if (error is null)
        {
            await DueDeliveries.RecordAsync(dataSource, delivery.Id, "delivered", attempts, now, null, now, ct);
            return;
        }

        var failed = attempts >= options.Value.MaxAttempts;
        LogAttemptFailed(logger, delivery.Id, delivery.WebhookId, delivery.WebhookName, attempts, error);
        await DueDeliveries.RecordAsync(dataSource, delivery.Id, failed ? "failed" : "pending", attempts,
            now + RetryDelay(attempts), error, null, ct);
    }

    /// <summary>Delay before the retry that follows attempt <paramref name="attempts"/> (1-based): the first delay, then doubling, capped.</summary>
    private TimeSpan RetryDelay(int attempts) => ExponentialBackoff.Delay(
        TimeSpan.FromSeconds(options.Value.FirstBackoffSeconds), TimeSpan.FromSeconds(options.Value.MaxBackoffSeconds), attempts - 1);

    private async Task<string?> PostAsync(DueDelivery delivery, CancellationToken ct)
    {
        var body = AlertPayloads.Build(delivery);
        var secret = secrets.Reveal(delivery.Secret);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, secrets.Reveal(delivery.Url)) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, timestamp, body));
        request.Options.Set(RedactedUrl.Option, true);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            return response.IsSuccessStatusCode ? null
                : (int)response.StatusCode is >= 300 and < 400 ? $"HTTP {(int)response.StatusCode} (redirects are not followed)"
                : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return ex.GetType().Name;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert delivery {DeliveryId} to webhook {WebhookId} ({WebhookName}) failed on attempt {Attempt}: {Error}")]
    private static partial void LogAttemptFailed(ILogger logger, Guid deliveryId, Guid webhookId, string webhookName, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unfolded {Count} key-stuck alerts still open {Grace} after their sync pipeline recovered; each is notified now")]
    private static partial void LogUnfolded(ILogger logger, int count, TimeSpan grace);
}
