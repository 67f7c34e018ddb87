using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Whfb.Ingest;
using Whfb.Insights;
using Whfb.Simulator.Fleet;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;
using Whfb.Testing;

namespace Whfb.Simulator.Tests.Ingest;

/// <summary>
/// The small scenario's fleet posting to the real Ingest (hosted, its own database, real RabbitMQ virtual host) with a
/// real collector key: every post is accepted, and Insights stores exactly the lifecycle events the devices reported.
/// </summary>
public sealed class FleetIntoIngestTests : IAsyncLifetime
{
    private static readonly Guid Tenant = Guid.Parse("6d1c0f4e-93a2-4b7e-8c55-21f0e9d3a7b6");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow.AddMinutes(-10));
    private IsolatedDatabase _ingestDb = null!;
    private IsolatedDatabase _insightsDb = null!;
    private IsolatedVirtualHost _vhost = null!;
    private ServiceFactory<IngestApp> _ingest = null!;
    private ServiceFactory<InsightsApp> _insights = null!;

    public async Task InitializeAsync()
    {
        _ingestDb = await IsolatedDatabase.CreateAsync("sim_ingest");
        _insightsDb = await IsolatedDatabase.CreateAsync("sim_insights");
        _vhost = await IsolatedVirtualHost.CreateAsync("sim");
        _ingest = new ServiceFactory<IngestApp>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:ingestdb"] = _ingestDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = _vhost.AmqpConnectionString,
            ["Auth:ApiKeys:0:Name"] = "sim-admin",
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Auth:ApiKeys:0:TenantId"] = Tenant.ToString(),
            ["Auth:ApiKeys:0:Sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("adm_fleet_test_key"u8)),
        });
        _insights = new ServiceFactory<InsightsApp>(new Dictionary<string, string?>
        {
            ["ConnectionStrings:insightsdb"] = _insightsDb.ConnectionString,
            ["ConnectionStrings:rabbitmq"] = _vhost.AmqpConnectionString,
        });
        _ = _insights.Server; // its queues exist before anything is published
    }

    public async Task DisposeAsync()
    {
        await _ingest.DisposeAsync();
        await _insights.DisposeAsync();
        await _vhost.DisposeAsync();
        await _ingestDb.DisposeAsync();
        await _insightsDb.DisposeAsync();
    }

    [Fact]
    public async Task Small_scenario_posts_are_all_accepted_and_Insights_stores_what_the_devices_reported()
    {
        var (directory, intune) = (new TenantDirectory(), new IntuneStore(_time));
        var scenario = ScenarioLoader.Load("small");
        var devices = FleetBuilder.Build(scenario, directory, intune);
        var simulation = new FleetSimulation(devices, directory, new HelloMethodStore(), intune, Tenant.ToString(), scenario.Seed, _time);
        new RingAssigner(intune).AssignThrough(FleetBuilder.RingGroupIds(scenario, directory), scenario.Rings.Count - 1);
        var sink = new IngestReportSink(_ingest.CreateClient(), await CreateCollectorKeyAsync());

        var batches = 0;
        for (var step = 0; step < 10; step++)
        {
            batches += await simulation.StepAsync(sink, default) > 0 ? 1 : 0;
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var stats = simulation.Stats(scenario.Rings.Count, 0, []);
        Assert.Equal(devices.Count, stats.SignedIn);
        Assert.True(stats.Registered300 > 0 && stats.Failed301 > 0 && stats.NotReady360 > 0, "the small scenario exercises every outcome");
        Assert.Equal(0, sink.Refused);
        Assert.Equal((2 * devices.Count) + batches, sink.Accepted); // dsregcmd and policy state per device, record batches
        var expected = new Dictionary<string, long>
        {
            ["ProvisioningReadinessReported"] = stats.Ready358 + stats.NotReady360,
            ["NgcKeyRegistered"] = stats.Registered300,
            ["NgcKeyRegistrationFailed"] = stats.Failed301,
            ["DeviceStatusReported"] = devices.Count,
            ["PolicyStateReported"] = devices.Count,
        };
        await Eventually.Async(async () =>
        {
            var stored = await StoredKinds();
            return expected.All(e => stored.GetValueOrDefault(e.Key) == e.Value);
        }, TimeSpan.FromSeconds(60));
        Assert.Equal(expected, (await StoredKinds()).Where(k => expected.ContainsKey(k.Key)).ToDictionary());
    }

    private async Task<string> CreateCollectorKeyAsync()
    {
        using var admin = _ingest.CreateClient();
        admin.DefaultRequestHeaders.Add("Authorization", "ApiKey adm_fleet_test_key");
        using var response = await admin.PostAsync("/v1/admin/collector-keys",
            new StringContent("""{"name":"simulated fleet"}""", System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("key").GetString()!;
    }

    private async Task<Dictionary<string, long>> StoredKinds()
    {
        await using var connection = new NpgsqlConnection(_insightsDb.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT kind, count(*) FROM history WHERE tenant_id = @t GROUP BY kind", connection);
        command.Parameters.AddWithValue("t", Tenant);
        var kinds = new Dictionary<string, long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            kinds[reader.GetString(0)] = reader.GetInt64(1);
        }

        return kinds;
    }
}
