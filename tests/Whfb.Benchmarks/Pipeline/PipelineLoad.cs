using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using Npgsql;

namespace Whfb.Benchmarks.Pipeline;

/// <summary>Events accepted (202; a failed POST is counted apart) and the time until Ingest had answered every POST and until Insights had committed them all.</summary>
public sealed record Saturation(long Events, int Failures, TimeSpan Accepted, TimeSpan Committed)
{
    public double CommittedPerSecond => Events / Committed.TotalSeconds;
}

/// <summary>The two phases: saturation (as fast as the workers can post) and a paced phase with per-event latency.</summary>
public static class PipelineLoad
{
    /// <summary>Posts with that many workers back to back, then waits until the history holds <paramref name="stored"/> + what was accepted.</summary>
    public static async Task<Saturation> SaturateAsync(HttpClient http, NpgsqlDataSource insights, IReadOnlyList<CollectorPost> posts, int workers, long stored = 0)
    {
        var watch = Stopwatch.StartNew();
        var next = -1;
        var failures = 0;
        long expected = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < posts.Count)
            {
                if (await PostAsync(http, posts[i]))
                {
                    Interlocked.Add(ref expected, posts[i].Rows.Count);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        var accepted = watch.Elapsed;
        await WaitForAsync(insights, stored + expected);
        return new Saturation(expected, failures, accepted, watch.Elapsed);
    }

    /// <summary>
    /// Posts at a fixed rate (open loop: a slow answer does not slow the sender), then waits for everything and returns
    /// each event's latency in ms: its row's <c>recorded_at</c> (the history batch's transaction time) minus the moment
    /// its POST was sent.
    /// </summary>
    public static async Task<double[]> PaceAsync(HttpClient http, NpgsqlDataSource insights, IReadOnlyList<CollectorPost> posts, double eventsPerSecond, long stored)
    {
        var sent = new DateTime[posts.Count];
        var perPost = TimeSpan.FromSeconds(posts[0].Rows.Count / eventsPerSecond);
        var watch = Stopwatch.StartNew();
        var inflight = new List<Task<bool>>();
        for (var i = 0; i < posts.Count; i++)
        {
            var wait = perPost * i - watch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            sent[i] = DateTime.UtcNow;
            inflight.Add(PostAsync(http, posts[i]));
        }

        await Task.WhenAll(inflight);
        await WaitForAsync(insights, stored + posts.Sum(p => (long)p.Rows.Count));
        await using var command = insights.CreateCommand("""
            SELECT extract(epoch FROM h.recorded_at - s.sent) * 1000 FROM history h JOIN unnest(@d, @s) AS s(device, sent) ON h.device_id = s.device
            """);
        command.Parameters.AddWithValue("d", posts.Select(p => p.Device).ToArray());
        command.Parameters.AddWithValue("s", sent);
        var latencies = new List<double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            latencies.Add((double)reader.GetDecimal(0));
        }

        return [.. latencies.Order()];
    }

    public static async Task<long> StoredAsync(NpgsqlDataSource insights)
    {
        await using var command = insights.CreateCommand("SELECT count(*) FROM history");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task WaitForAsync(NpgsqlDataSource insights, long expected)
    {
        var deadline = Stopwatch.StartNew();
        while (await StoredAsync(insights) < expected)
        {
            if (deadline.Elapsed > TimeSpan.FromMinutes(15))
            {
                throw new TimeoutException($"Insights stored {await StoredAsync(insights)} of {expected} events");
            }

            await Task.Delay(250);
        }
    }

    private static async Task<bool> PostAsync(HttpClient http, CollectorPost post)
    {
        using var body = new ByteArrayContent(post.Body);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await http.PostAsync("/v1/events", body);
        return response.StatusCode == HttpStatusCode.Accepted;
    }
}
