using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// Posts like the real collector: <c>/v1/events</c> (JSON array), <c>/v1/dsregcmd?deviceId=</c> (text/plain) and
/// <c>/v1/policy-state</c>, with the tenant's collector key as bearer token. Refusals are counted, not thrown.
/// </summary>
public sealed class IngestReportSink(HttpClient http, string collectorKey) : IDeviceReportSink
{
    public int Accepted { get; private set; }

    public int Refused { get; private set; }

    public string? LastRefusal { get; private set; }

    public Task SendEventsAsync(IReadOnlyList<JsonObject> records, CancellationToken cancellationToken) =>
        PostAsync("v1/events", new StringContent(new JsonArray(records.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString(),
            Encoding.UTF8, "application/json"), cancellationToken);

    public Task SendDsregcmdAsync(Guid deviceId, string text, CancellationToken cancellationToken) =>
        PostAsync($"v1/dsregcmd?deviceId={deviceId}", new StringContent(text, Encoding.UTF8, "text/plain"), cancellationToken);

    public Task SendPolicyStateAsync(JsonObject state, CancellationToken cancellationToken) =>
        PostAsync("v1/policy-state", new StringContent(state.ToJsonString(), Encoding.UTF8, "application/json"), cancellationToken);

    private async Task PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", collectorKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            Accepted++;
        }
        else
        {
            Refused++;
            LastRefusal = $"{(int)response.StatusCode} {path}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
        }
    }
}
