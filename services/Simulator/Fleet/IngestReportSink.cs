using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// Posts like the real collector: each device enrolls once with the tenant's enrollment key (<c>POST /v1/enroll</c>,
/// at its first report) and posts with the device key it got: <c>/v1/dsregcmd?deviceId=</c> (text/plain),
/// <c>/v1/policy-state</c> and <c>/v1/events</c> (JSON array of its records). Like the collector, a 429 or 503 is
/// retried after its Retry-After (at most <see cref="MaxAttempts"/> tries); other refusals are counted, not thrown.
/// </summary>
public sealed class IngestReportSink(HttpClient http, string enrollmentKey) : IDeviceReportSink
{
    private const int MaxAttempts = 4;

    private readonly ConcurrentDictionary<Guid, Task<string?>> _deviceKeys = new();
    private int _accepted, _retried, _refused, _enrolled;

    public int Accepted => _accepted;

    public int Retried => _retried;

    public int Refused => _refused;

    /// <summary>Devices that enrolled and got their own key.</summary>
    public int Enrolled => _enrolled;

    public string? LastRefusal { get; private set; }

    /// <summary>Enrolls the devices now, <paramref name="concurrency"/> at a time, so their first reports find their keys.</summary>
    public Task EnrollAllAsync(IEnumerable<(Guid DeviceId, string DeviceName)> devices, int concurrency, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(devices, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken },
            async (device, token) => await KeyAsync(device.DeviceId, device.DeviceName, token));

    public async Task SendAsync(DeviceReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (await KeyAsync(report.DeviceId, report.DeviceName, cancellationToken) is not { } key)
            return;

        await PostAsync(key, $"v1/dsregcmd?deviceId={report.DeviceId}", report.Dsregcmd, "text/plain", cancellationToken);
        await PostAsync(key, "v1/policy-state", report.PolicyState.ToJsonString(), "application/json", cancellationToken);
        if (report.Records.Count > 0)
        {
            var records = new JsonArray(report.Records.Select(r => (JsonNode)r.DeepClone()).ToArray()).ToJsonString();
            await PostAsync(key, "v1/events", records, "application/json", cancellationToken);
        }
    }

    /// <summary>The device's key, enrolling it the first time; null (and tried again next time) when enrollment was refused.</summary>
    private async Task<string?> KeyAsync(Guid deviceId, string deviceName, CancellationToken cancellationToken)
    {
        var key = await _deviceKeys.GetOrAdd(deviceId, _ => EnrollAsync(deviceId, deviceName, cancellationToken));
        if (key is null)
            _deviceKeys.TryRemove(deviceId, out _);
        return key;
    }

    private async Task<string?> EnrollAsync(Guid deviceId, string deviceName, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(enrollmentKey, "v1/enroll", () => JsonContent.Create(new { deviceId, deviceName }), cancellationToken);
        if (response is null)
            return null;
        Interlocked.Increment(ref _enrolled);
        var enrolled = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return enrolled?["key"]?.GetValue<string>();
    }

    private async Task PostAsync(string key, string path, string body, string mediaType, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(key, path, () => new StringContent(body, Encoding.UTF8, mediaType), cancellationToken);
        if (response is not null)
            Interlocked.Increment(ref _accepted);
    }

    /// <summary>The successful answer, after retrying 429 and 503; null (counted as refused) otherwise.</summary>
    private async Task<HttpResponseMessage?> SendAsync(string key, string path, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content() };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var response = await http.SendAsync(request, cancellationToken);
            if (response.IsSuccessStatusCode)
                return response;

            using (response)
            {
                if (attempt < MaxAttempts && response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
                {
                    Interlocked.Increment(ref _retried);
                    await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                    continue;
                }

                Interlocked.Increment(ref _refused);
                LastRefusal = $"{(int)response.StatusCode} {path}: {await response.Content.ReadAsStringAsync(cancellationToken)}";
                return null;
            }
        }
    }
}
