using System.Text;
using Microsoft.Extensions.Time.Testing;
using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Dsregcmd;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;
using Whfb.Simulator.Fleet;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Tests.Fleet;

public sealed class FleetSimulationTests
{
    private const string TenantId = "7f3c2a9e-1b4d-4e5f-8a6b-0c1d2e3f4a5b";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly TenantDirectory _directory = new();
    private readonly HelloMethodStore _methods = new();
    private readonly IntuneStore _intune;
    private readonly Scenario _scenario = ScenarioLoader.Load("small");
    private readonly IReadOnlyList<FleetDevice> _devices;
    private readonly FleetSimulation _simulation;
    private readonly RecordingSink _sink = new();

    public FleetSimulationTests()
    {
        _intune = new IntuneStore(_time);
        _devices = FleetBuilder.Build(_scenario, _directory, _intune);
        _simulation = new FleetSimulation(_devices, _directory, _methods, _intune, TenantId, _scenario.Seed, _time);
    }

    [Fact]
    public async Task Only_GPO_devices_start_before_the_Intune_policy_is_assigned()
    {
        await StepForAsync(TimeSpan.FromSeconds(5));

        var started = _sink.Records.Select(r => r["deviceId"]!.GetValue<string>()).Distinct();
        Assert.Equal(_devices.Where(d => d.GpoEnabled).Select(d => d.Device.DeviceId.ToString()).Order(), started.Order());
    }

    [Fact]
    public async Task Ring_assignment_provisions_that_ring_only_and_successes_create_the_Entra_method()
    {
        var rings = FleetBuilder.RingGroupIds(_scenario, _directory);
        new FleetRingAssigner(_intune).AssignThrough(rings, 0);

        await StepForAsync(TimeSpan.FromSeconds(5));

        var reached = _devices.Where(d => d.Ring == 0 || d.GpoEnabled).ToList();
        var expectedKeys = reached.Count(d => d.PrerequisitesMet && !d.GpoConflict && d.FailureCode is null);
        Assert.Equal(expectedKeys, _methods.All().Count);
        Assert.Equal(expectedKeys, _sink.Records.Count(r => r["eventId"]!.GetValue<int>() == 300));
        Assert.All(_methods.All(), m => Assert.Contains(reached, d => d.User.Id == m.UserId));
        Assert.Equal(reached.Count, _sink.Dsregcmd.Count);
    }

    [Fact]
    public async Task Posted_records_and_dsregcmd_parse_with_the_DeviceReports_library_as_the_devices_behaved()
    {
        new FleetRingAssigner(_intune).AssignThrough(FleetBuilder.RingGroupIds(_scenario, _directory), 1);
        await StepForAsync(TimeSpan.FromSeconds(5));

        var json = new System.Text.Json.Nodes.JsonArray(_sink.Records.Select(r => (System.Text.Json.Nodes.JsonNode)r.DeepClone()).ToArray()).ToJsonString();
        var batch = new CollectorRecordReader(_time).ReadAll(Encoding.UTF8.GetBytes(json));
        var events = batch.ValidRecords.Select(r => DeviceEventNormalizer.Normalize(Guid.Parse(TenantId), r).Message).ToList();

        Assert.Empty(batch.Errors);
        var conflict = _devices.First(d => d.GpoConflict);
        var readiness = events.OfType<ProvisioningReadinessReported>().Single(e => e.Header.DeviceId == conflict.Device.DeviceId);
        Assert.False(readiness.IsReady);
        Assert.Equal(_devices.Count(d => d.FailureCode is not null && d.PrerequisitesMet && !d.GpoConflict), events.OfType<NgcKeyRegistrationFailed>().Count());
        Assert.Equal(_methods.All().Count, events.OfType<NgcKeyRegistered>().Count());
        var hybrid = _devices.First(d => d.HybridJoined);
        var status = DsregcmdParser.Parse(_sink.Dsregcmd.Single(s => s.DeviceId == hybrid.Device.DeviceId).Text);
        Assert.Equal(DeviceJoinType.HybridJoined, status.JoinType);
    }

    [Fact]
    public async Task An_Intune_assignment_reaches_devices_only_at_their_next_check_in()
    {
        var simulation = new FleetSimulation(_devices, _directory, _methods, _intune, TenantId, _scenario.Seed, _time, TimeSpan.FromSeconds(5));
        new FleetRingAssigner(_intune).AssignThrough(FleetBuilder.RingGroupIds(_scenario, _directory), 0);
        bool RingDeviceReported() => _sink.Dsregcmd.Any(s => _devices.Any(d => d.Device.DeviceId == s.DeviceId && d.Ring == 0 && !d.GpoEnabled));

        await StepForAsync(TimeSpan.FromSeconds(4.5), simulation);
        Assert.False(RingDeviceReported());
        Assert.Equal(_devices.Count(d => d.GpoEnabled), _sink.Dsregcmd.Count); // GPO needs no check-in

        await StepForAsync(TimeSpan.FromSeconds(2), simulation);
        Assert.Equal(_devices.Count(d => d.Ring == 0 || d.GpoEnabled), _sink.Dsregcmd.Count);
    }

    [Fact]
    public async Task Rings_of_device_objects_reach_exactly_their_devices()
    {
        var (directory, intune) = (new TenantDirectory(), new IntuneStore(_time));
        var scenario = _scenario with { RingMembers = RingMembers.Devices };
        var devices = FleetBuilder.Build(scenario, directory, intune);
        var simulation = new FleetSimulation(devices, directory, _methods, intune, TenantId, scenario.Seed, _time);
        new FleetRingAssigner(intune).AssignThrough(FleetBuilder.RingGroupIds(scenario, directory), 0);

        await StepForAsync(TimeSpan.FromSeconds(5), simulation);

        var reached = devices.Where(d => d.Ring == 0 || d.GpoEnabled).Select(d => d.Device.DeviceId).Order();
        Assert.Equal(reached, _sink.Dsregcmd.Select(s => s.DeviceId).Order());
        Assert.Contains(devices, d => d.Ring == 0 && !d.GpoEnabled);
    }

    private async Task StepForAsync(TimeSpan duration, FleetSimulation? simulation = null)
    {
        for (var elapsed = TimeSpan.Zero; elapsed <= duration; elapsed += TimeSpan.FromMilliseconds(500))
        {
            await (simulation ?? _simulation).StepAsync(_sink, default);
            _time.Advance(TimeSpan.FromMilliseconds(500));
        }
    }
}
