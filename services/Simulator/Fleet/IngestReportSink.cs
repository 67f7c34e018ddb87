using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// Posts like the real collector: <c>/v1/events</c> (JSON array), <c>/v1/dsregcmd?deviceId=</c> (text/plain) and
/// <c>/v1/policy-state</c>, with the tenant's collector key as bearer token. Like the collector, a 429 or 503 is retried
/// after its Retry-After (at most <see cref="MaxAttempts"/> tries); other refusals are counted, not thrown.
/// </summary>
public sealed class IngestReportSink(HttpClient http, string collectorKey) : IDeviceReportSink
{
    private const int MaxAttempts = 4;

    private int _accepted, _retried, _refused;

    public int Accepted => _accepted;

    public int Retried => _retried;

    public int Refused => _refused;

    public string? LastRefusal { get; private set; }

    public Task SendEventsAsync(IReadOnlyList<JsonObject> records, CancellationToken cancellationToken) =>
        PostAsync("v1/events", new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString(), "application/json", cancellationToken);

    public Task SendDsregcmdAsync(Guid deviceId, string text, CancellationToken cancellationToken) =>
        PostAsync($"v1/dsregcmd?deviceId={deviceId}", text, "text/plain", cancellationToken);

    public Task SendPolicyStateAsync(JsonObject state, CancellationToken cancellationToken) =>
        PostAsync("v1/policy-state", state.ToJsonString(), "application/json", cancellationToken);

    private async Task PostAsync(string path, string body, string mediaType, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", collectorKey);
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref _accepted);
                return;
            }

            if (attempt < MaxAttempts && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            {
                Interlocked.Increment(ref _retried);
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            Interlocked.Increment(ref _refused);
            LastRefusal = $"{(int)response.StatusCode} {path}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
            return;
        }
    }
}
