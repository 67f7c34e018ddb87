using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Whfb.Testing;

namespace Whfb.Benchmarks.Ingest;

/// <summary>
/// Sustained acceptance rate of POST /v1/events (batches of 500 records, confirms on; Ingest as its own Release process)
/// against raw RabbitMQ.Client publishing of the same messages with confirms, on the same broker in the same run.
/// </summary>
public static class IngestBenchmark
{
    private static readonly Guid Tenant = Guid.Parse("8f0a3c1e-4b7d-4e21-9a55-0c6d2e7f1b90");

    public static async Task<int> RunAsync(IngestBenchmarkOptions options)
    {
        Console.WriteLine($"Ingest benchmark: {options.RecordsPerBatch} records per batch, {options.Concurrency} in flight, {options.Warmup.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s per phase");
        await using var vhost = await IsolatedVirtualHost.CreateAsync("bench");
        await using var db = await IsolatedDatabase.CreateAsync("bench_ingest");
        var payloads = BenchmarkPayloads.Create(64, options.RecordsPerBatch, Tenant);
        await BrokerSink.DeclareAsync(vhost.AmqpConnectionString, payloads.Messages.SelectMany(m => m.Select(x => x.Exchange)).Distinct());
        var messagesPerBatch = payloads.Messages[0].Count;

        LoadResult raw;
        await using (var publisher = await RawRabbitPublisher.ConnectAsync(vhost.AmqpConnectionString, options.Concurrency))
        {
            raw = await SustainedLoad.RunAsync(options.Concurrency, options.Warmup, options.Duration, async (worker, n) =>
            {
                await publisher.PublishAsync(worker, payloads.Messages[n % payloads.Messages.Count]);
                return options.RecordsPerBatch;
            });
        }

        var (ingest, adminKey) = await IngestProcess.StartAsync(db, vhost, Tenant);
        await using var _ = ingest;
        var pid = ProcessMemory.FindByUrls(ingest.BaseAddress);
        using var http = await CollectorClientAsync(ingest.BaseAddress, adminKey, options.Concurrency);
        var viaIngest = await SustainedLoad.RunAsync(options.Concurrency, options.Warmup, options.Duration, async (_, n) =>
        {
            using var body = new ByteArrayContent(payloads.Bodies[n % payloads.Bodies.Count]);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await http.PostAsync("/v1/events", body);
            return response.StatusCode == HttpStatusCode.Accepted ? options.RecordsPerBatch : 0;
        });

        ResultTable.Print(options, messagesPerBatch, raw, viaIngest, ProcessMemory.PeakMiB(pid));
        return viaIngest.Failures == 0 ? 0 : 1;
    }

    internal static async Task<HttpClient> CollectorClientAsync(Uri baseAddress, string adminKey, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var create = new HttpRequestMessage(HttpMethod.Post, "/v1/admin/collector-keys") { Content = JsonContent.Create(new { name = "bench" }) };
        create.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", adminKey);
        using var response = await http.SendAsync(create);
        response.EnsureSuccessStatusCode();
        var key = (await response.Content.ReadFromJsonAsync<CreatedKey>())!.Key;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return http;
    }

    private sealed record CreatedKey(string Key);
}
