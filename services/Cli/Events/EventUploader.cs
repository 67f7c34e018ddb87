using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Whfb.DeviceReports.Records;

namespace Whfb.Cli.Events;

/// <summary>
/// Posts records to Ingest's /v1/events in NDJSON chunks with a collector key, as a collector would: a chunk the broker
/// could not take (429, 503, another 5xx, no answer) is retried after Retry-After or a doubling delay; what Ingest
/// refuses is counted and listed by the record's index in the file.
/// </summary>
public sealed class EventUploader(HttpClient http, int attempts = 5, Func<TimeSpan, CancellationToken, Task>? delay = null)
{
    private readonly Func<TimeSpan, CancellationToken, Task> _delay = delay ?? Task.Delay;

    public sealed record Outcome(int Accepted, List<(int Index, string Reason)> Rejected, int FailedChunks);

    public async Task<Outcome> PostAsync(IReadOnlyList<(int Index, CollectorRecord Record)> records, int chunkSize, Action<int> progress, CancellationToken ct)
    {
        var outcome = new Outcome(0, [], 0);
        foreach (var chunk in records.Chunk(chunkSize))
        {
            var answer = await PostChunkAsync(CollectorRecordJson.Ndjson(chunk.Select(c => c.Record)), ct);
            if (answer is null)
            {
                outcome = outcome with { FailedChunks = outcome.FailedChunks + 1 };
                outcome.Rejected.AddRange(chunk.Select(c => (c.Index, "not delivered: Ingest did not accept the request")));
            }
            else
            {
                outcome = outcome with { Accepted = outcome.Accepted + Count(answer.Value, "accepted") };
                foreach (var error in Errors(answer.Value))
                {
                    var at = error.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) && n >= 0 && n < chunk.Length ? chunk[n].Index : -1;
                    outcome.Rejected.Add((at, error.TryGetProperty("reason", out var reason) ? reason.GetString() ?? "" : ""));
                }
            }

            progress(chunk.Length);
        }

        return outcome;
    }

    /// <summary>The answer's JSON (202, or the 400 problem listing every refused record), or null when it never came.</summary>
    private async Task<JsonElement?> PostChunkAsync(byte[] ndjson, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var content = new ByteArrayContent(ndjson);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            TimeSpan? retryAfter = null;
            try
            {
                using var response = await http.PostAsync("/v1/events", content, ct);
                if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.BadRequest)
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct)).RootElement.Clone();
                if (!Retryable(response.StatusCode))
                    throw new InvalidOperationException($"Ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
            catch (HttpRequestException) when (attempt < attempts)
            {
            }

            if (attempt >= attempts)
                return null;
            await _delay(retryAfter ?? TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)), ct);
        }
    }

    private static bool Retryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static int Count(JsonElement answer, string property) =>
        answer.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    private static IEnumerable<JsonElement> Errors(JsonElement answer) =>
        (answer.TryGetProperty("rejected", out var list) || answer.TryGetProperty("errors", out list)) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray()
            : [];
}
