using System.Net;
using Whfb.Ingest;
using Whfb.Testing;
using Xunit;

namespace Whfb.EndToEnd.Tests;

/// <summary>Insights killed with SIGKILL while events flow: after a restart every accepted event is stored.</summary>
public sealed class InsightsCrashTests : IAsyncLifetime
{
    private const int Batches = 20;
    private const int PerBatch = 100;
    private IsolatedDatabase ingestDb = null!;
    private IsolatedDatabase insightsDb = null!;
    private IsolatedVirtualHost vhost = null!;
    private ServiceFactory<IngestApp> ingest = null!;

    public async Task InitializeAsync()
    {
        ingestDb = await IsolatedDatabase.CreateAsync("crash_ingest");
        insightsDb = await IsolatedDatabase.CreateAsync("crash_insights");
        vhost = await IsolatedVirtualHost.CreateAsync("crash");
        ingest = new ServiceFactory<IngestApp>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ingestdb"] = ingestDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = vhost.AmqpConnectionString,
        });
    }

    public async Task DisposeAsync()
    {
        await ingest.DisposeAsync();
        await vhost.DisposeAsync();
        await ingestDb.DisposeAsync();
        await insightsDb.DisposeAsync();
    }

    [Fact]
    public async Task Killing_Insights_while_events_flow_loses_nothing_after_restart()
    {
        var device = Guid.NewGuid();
        var client = await ingest.CollectorClientAsync(Guid.NewGuid());
        var insights = await StartInsightsAsync();
        for (var batch = 0; batch < Batches; batch++)
        {
            if (batch == Batches / 4)
            {
                await insights.KillAsync();
            }

            var response = await client.PostAsync("/v1/events", SampleEvents.Json(device, batch * PerBatch, PerBatch));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }

        Assert.True(await StoredAsync(device) < Batches * PerBatch, "Insights was down: not everything can be stored yet");
        await using var restarted = await StartInsightsAsync();
        await Eventually.Async(async () => await StoredAsync(device) == Batches * PerBatch, TimeSpan.FromSeconds(60));
        await insights.DisposeAsync();
    }

    private Task<ServiceProcess> StartInsightsAsync() => ServiceProcess.StartAsync("Insights", new Dictionary<string, string>
    {
        ["ConnectionStrings__insightsdb"] = insightsDb.ConnectionString,
        ["ConnectionStrings__rabbitmq"] = vhost.AmqpConnectionString,
    }, TimeSpan.FromSeconds(90));

    private Task<long> StoredAsync(Guid device) => StoredHistory.CountForDeviceAsync(insightsDb.ConnectionString, device);
}
