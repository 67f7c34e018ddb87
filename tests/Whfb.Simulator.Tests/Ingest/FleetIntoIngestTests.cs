using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Whfb.Insights;
using Whfb.Simulator.Fleet;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;
using Whfb.Testing;

namespace Whfb.Simulator.Tests.Ingest;

/// <summary>
/// The small scenario's fleet posting to the real Ingest (hosted, its own database, real RabbitMQ virtual host) as the
/// collector does: every device enrolls with the tenant's enrollment key and posts with its own device key. The
/// migration window is over here, so the enrollment key cannot post: every post is accepted with a device key, and
/// Insights stores exactly the lifecycle events the devices reported.
/// </summary>
public sealed class FleetIntoIngestTests : IAsyncLifetime
{
    private static readonly Guid Tenant = Guid.Parse("6d1c0f4e-93a2-4b7e-8c55-21f0e9d3a7b6");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow.AddMinutes(-10));
    private IsolatedDatabase _insightsDb = null!;
    private IsolatedVirtualHost _vhost = null!;
    private FleetIngest _ingest = null!;
    private ServiceFactory<InsightsApp> _insights = null!;

    public async Task InitializeAsync()
    {
        _insightsDb = await IsolatedDatabase.CreateAsync("sim_insights");
        _vhost = await IsolatedVirtualHost.CreateAsync("sim");
        _ingest = await FleetIngest.StartAsync(Tenant, _vhost);
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
        await _insightsDb.DisposeAsync();
    }

    [Fact]
    public async Task Small_scenario_posts_are_all_accepted_and_Insights_stores_what_the_devices_reported()
    {
        var (directory, intune) = (new TenantDirectory(), new IntuneStore(_time));
        var scenario = ScenarioLoader.Load("small");
        var devices = FleetBuilder.Build(scenario, directory, intune);
        var simulation = new FleetSimulation(devices, directory, new HelloMethodStore(), intune, Tenant.ToString(), scenario.Seed, _time);
        new FleetRingAssigner(intune).AssignThrough(FleetBuilder.RingGroupIds(scenario, directory), scenario.Rings.Count - 1);
        var (enrollmentKeyId, enrollmentKey) = await _ingest.CreateEnrollmentKeyAsync();
        var sink = new IngestReportSink(_ingest.Factory.CreateClient(), enrollmentKey);

        for (var step = 0; step < 10; step++)
        {
            await simulation.StepAsync(sink, default);
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var stats = simulation.Stats(scenario.Rings.Count, 0, []);
        Assert.Equal(devices.Count, stats.SignedIn);
        Assert.True(stats.Registered300 > 0 && stats.Failed301 > 0 && stats.NotReady360 > 0, "the small scenario exercises every outcome");
        Assert.Equal(0, sink.Refused);
        Assert.Equal(devices.Count, sink.Enrolled);
        Assert.Equal(3 * devices.Count, sink.Accepted); // dsregcmd, policy state and event records per device
        var deviceKeys = await _ingest.DeviceKeysAsync();
        Assert.Equal(devices.Select(d => d.Device.DeviceId).Order(), deviceKeys.Select(k => k.GetProperty("deviceId").GetGuid()).Order());
        Assert.All(deviceKeys, k => Assert.Equal(enrollmentKeyId, k.GetProperty("enrolledWith").GetGuid()));
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
