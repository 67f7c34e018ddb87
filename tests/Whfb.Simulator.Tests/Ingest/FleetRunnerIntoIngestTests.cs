using Microsoft.Extensions.DependencyInjection;
using Whfb.Simulator.Fleet;
using Whfb.Testing;
using Whfb.Testing.Graph;

namespace Whfb.Simulator.Tests.Ingest;

/// <summary>
/// The simulator as the demo runs it (its hosted fleet runner, the small scenario, rings assigned by itself) posting to
/// the real Ingest whose migration window is over: every device enrolls before the run starts, and every post of the
/// run is accepted with that device's own key.
/// </summary>
public sealed class FleetRunnerIntoIngestTests : IAsyncLifetime
{
    private IsolatedVirtualHost _vhost = null!;
    private FleetIngest _ingest = null!;
    private FleetSimulator? _simulator;

    public async Task InitializeAsync()
    {
        _vhost = await IsolatedVirtualHost.CreateAsync("sim");
        _ingest = await FleetIngest.StartAsync(Guid.Parse(GraphEmulator.TenantId), _vhost);
    }

    public async Task DisposeAsync()
    {
        if (_simulator is not null)
            await _simulator.DisposeAsync();
        await _ingest.DisposeAsync();
        await _vhost.DisposeAsync();
    }

    [Fact]
    public async Task The_fleet_enrolls_every_device_before_the_run_and_posts_only_with_device_keys()
    {
        var (enrollmentKeyId, enrollmentKey) = await _ingest.CreateEnrollmentKeyAsync();
        _simulator = new FleetSimulator(new Dictionary<string, string?>
        {
            ["Simulator:Fleet:Scenario"] = "small",
            ["Simulator:Fleet:AssignRings"] = "true",
            ["Simulator:Fleet:IngestUrl"] = _ingest.Address.ToString(),
            ["Simulator:Fleet:CollectorKey"] = enrollmentKey,
            ["Simulator:Fleet:StepInterval"] = "00:00:00.250",
        });
        await _simulator.InitializeAsync();
        var status = _simulator.App.Services.GetRequiredService<FleetStatus>();

        await Eventually.Async(() => Task.FromResult(status.State is "finished" or "failed"), TimeSpan.FromSeconds(120));

        Assert.True(status.State == "finished", status.Error);
        var devices = status.Stats!.Devices;
        Assert.Equal(devices, status.Stats.SignedIn);
        Assert.StartsWith($"{devices} of {devices} devices enrolled", status.Enrollment, StringComparison.Ordinal);
        Assert.Contains($"{devices} devices enrolled, {3 * devices} posts accepted by Ingest with their device keys", status.Summary, StringComparison.Ordinal);
        Assert.Contains(", 0 refused", status.Summary, StringComparison.Ordinal);
        var keys = await _ingest.DeviceKeysAsync();
        Assert.Equal(devices, keys.Count);
        Assert.All(keys, k => Assert.Equal(enrollmentKeyId, k.GetProperty("enrolledWith").GetGuid()));
    }

    /// <summary>The simulator host with the fleet's settings (its Graph emulator on free ports as for the Graph tests).</summary>
    private sealed class FleetSimulator(IReadOnlyDictionary<string, string?> fleet) : GraphEmulator
    {
        protected override IReadOnlyDictionary<string, string?> Settings => fleet;
    }
}
