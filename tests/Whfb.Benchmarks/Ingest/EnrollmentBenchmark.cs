using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Whfb.Testing;

namespace Whfb.Benchmarks.Ingest;

/// <summary>
/// <c>enroll [--devices N] [--concurrency N]</c>: what device keys cost a fleet like the demo's. N devices enroll with
/// one enrollment key (POST /v1/enroll), then each posts one events request of its own records with its own key (the
/// posts the simulator's fleet now makes per device instead of one per 500 records of many devices).
/// </summary>
public static class EnrollmentBenchmark
{
    public const string Mode = "enroll";

    private static readonly Guid Tenant = Guid.Parse("8f0a3c1e-4b7d-4e21-9a55-0c6d2e7f1b90");

    public static async Task<int> RunAsync(string[] args)
    {
        var devices = Value(args, "--devices", 5000);
        var concurrency = Value(args, "--concurrency", 8);
        Console.WriteLine($"Enrollment benchmark: {devices} devices, {concurrency} in flight");
        await using var vhost = await IsolatedVirtualHost.CreateAsync("bench");
        await using var db = await IsolatedDatabase.CreateAsync("bench_ingest");
        var (ingest, adminKey) = await IngestProcess.StartAsync(db, vhost, Tenant);
        await using var _ = ingest;
        using var http = await IngestBenchmark.CollectorClientAsync(ingest.BaseAddress, adminKey, concurrency);
        var ids = Enumerable.Range(0, devices).Select(_ => Guid.NewGuid()).ToArray();
        var keys = new string?[devices];

        var enroll = await PhaseAsync(devices, concurrency, async i =>
        {
            using var response = await http.PostAsJsonAsync("/v1/enroll", new { deviceId = ids[i], deviceName = $"PC-{i:00000}" });
            keys[i] = response.StatusCode == HttpStatusCode.Created ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString() : null;
            return keys[i] is not null;
        });
        var post = await PhaseAsync(devices, concurrency, async i =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/events") { Content = Records(ids[i], i) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", keys[i]);
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.Accepted;
        });

        Console.WriteLine();
        Console.WriteLine("| phase | requests | failures | seconds | requests/s | p50 ms | p99 ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        Row("POST /v1/enroll (enrollment key)", enroll);
        Row("POST /v1/events, 2 records, own device key", post);
        return enroll.Failures + post.Failures == 0 ? 0 : 1;
    }

    private static HttpContent Records(Guid device, int i)
    {
        var lines = new[] { 2L * i, (2L * i) + 1 }.Select(id => JsonSerializer.Serialize(CollectorRecordBody.Create(device, id, DateTimeOffset.UtcNow.AddMinutes(-1), $"PC-{i:00000}", "bench@whfb.test")));
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        return content;
    }

    private static async Task<LoadResult> PhaseAsync(int count, int concurrency, Func<int, Task<bool>> request)
    {
        var latencies = new double[count];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
        {
            var started = clock.Elapsed;
            if (!await request(i))
                Interlocked.Increment(ref failures);
            latencies[i] = (clock.Elapsed - started).TotalMilliseconds;
        });
        return new LoadResult(count, count, failures, clock.Elapsed, [.. latencies.Order()]);
    }

    private static void Row(string name, LoadResult r) =>
        Console.WriteLine($"| {name} | {r.Iterations:N0} | {r.Failures} | {r.Elapsed.TotalSeconds:0.0} | {r.EventsPerSecond:N0} | {r.Percentile(0.50):0.0} | {r.Percentile(0.99):0.0} |");

    private static int Value(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], out var v) ? v : fallback;
    }
}
