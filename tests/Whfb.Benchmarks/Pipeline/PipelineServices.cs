using Whfb.Benchmarks.Ingest;
using Whfb.ServiceDefaults.Security;
using Whfb.Testing;

namespace Whfb.Benchmarks.Pipeline;

/// <summary>Ingest and Insights as their own Release processes on one virtual host, each with its database.</summary>
public sealed class PipelineServices : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> owned = [];

    public required IsolatedDatabase InsightsDb { get; init; }

    public required ServiceProcess Ingest { get; init; }

    public required ServiceProcess Insights { get; init; }

    public required IsolatedVirtualHost Broker { get; init; }

    public required HttpClient Collector { get; init; }

    public static async Task<PipelineServices> StartAsync(Guid tenant, int connections, int insightsBatch)
    {
        var vhost = await IsolatedVirtualHost.CreateAsync("pipe");
        var ingestDb = await IsolatedDatabase.CreateAsync("pipe_ingest");
        var insightsDb = await IsolatedDatabase.CreateAsync("pipe_insights");
        var adminKey = ApiKeyHasher.NewKey("adm");
        var quiet = new Dictionary<string, string> { ["ConnectionStrings__rabbitmq"] = vhost.AmqpConnectionString, ["Logging__LogLevel__Default"] = "Warning" };
        var insights = await ServiceProcess.StartAsync("Insights", new Dictionary<string, string>(quiet)
        {
            ["ConnectionStrings__insightsdb"] = insightsDb.ConnectionString, ["Insights__MaxBatchSize"] = insightsBatch.ToString(),
        }, TimeSpan.FromSeconds(120));
        var ingest = await ServiceProcess.StartAsync("Ingest", new Dictionary<string, string>(quiet)
        {
            ["ConnectionStrings__ingestdb"] = ingestDb.ConnectionString,
            ["Auth__ApiKeys__0__Name"] = "bench", ["Auth__ApiKeys__0__Role"] = "admin",
            ["Auth__ApiKeys__0__TenantId"] = tenant.ToString(), ["Auth__ApiKeys__0__Sha256"] = ApiKeyHasher.Hash(adminKey),
            ["Ingest__BurstPerKey"] = "1000000", ["Ingest__RequestsPerSecondPerKey"] = "1000000",
        }, TimeSpan.FromSeconds(120));
        var services = new PipelineServices
        {
            InsightsDb = insightsDb, Ingest = ingest, Insights = insights, Broker = vhost,
            Collector = await IngestBenchmark.CollectorClientAsync(ingest.BaseAddress, adminKey, connections),
        };
        services.owned.AddRange([ingest, insights, vhost, ingestDb, insightsDb]);
        return services;
    }

    public async ValueTask DisposeAsync()
    {
        Collector.Dispose();
        foreach (var item in owned)
        {
            await item.DisposeAsync();
        }
    }
}
