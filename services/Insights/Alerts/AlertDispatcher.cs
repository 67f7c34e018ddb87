using System.Text;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Whfb.Insights.Alerts;

/// <summary>
/// Posts due notifications (signed) and records each outcome: delivered, retry later with backoff, or failed after
/// the last attempt. The state lives in PostgreSQL, so a restart continues where it stopped.
/// </summary>
public sealed partial class AlertDispatcher(
    NpgsqlDataSource dataSource, IHttpClientFactory http, TimeProvider time, IOptions<AlertOptions> options, ILogger<AlertDispatcher> logger)
{
    public const string HttpClientName = "alert-webhooks";

    /// <summary>Unfolds overdue folded alerts, then posts up to 20 due notifications; how much it did (0 = nothing was due).</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var unfolded = await FoldedAlerts.UnfoldOverdueAsync(dataSource, time.GetUtcNow(), options.Value.FoldedGrace, 500, ct);
        if (unfolded > 0)
        {
            LogUnfolded(logger, unfolded, options.Value.FoldedGrace);
        }

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var due = await DueDeliveries.ClaimAsync(connection, transaction, time.GetUtcNow(), 20, ct);
        foreach (var delivery in due)
        {
            var error = await PostAsync(delivery, ct);
            var now = time.GetUtcNow();
            var attempts = delivery.Attempts + 1;
            if (error is null)
            {
                await DueDeliveries.RecordAsync(connection, transaction, delivery.Id, "delivered", attempts, now, null, now, ct);
                continue;
            }

            var failed = attempts >= options.Value.MaxAttempts;
            LogAttemptFailed(logger, delivery.Id, delivery.WebhookId, delivery.WebhookName, attempts, error);
            await DueDeliveries.RecordAsync(connection, transaction, delivery.Id, failed ? "failed" : "pending", attempts,
                now + Backoff.After(attempts, options.Value), error, null, ct);
        }

        await transaction.CommitAsync(ct);
        return unfolded + due.Count;
    }

    private async Task<string?> PostAsync(DueDelivery delivery, CancellationToken ct)
    {
        var body = AlertPayloads.Build(delivery);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(delivery.Secret, timestamp, body));
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.DeliveryHeader, delivery.Id.ToString());
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
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
