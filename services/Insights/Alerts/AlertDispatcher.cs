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

    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
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
        return due.Count;
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
}
