using System.Diagnostics;
using Microsoft.Extensions.Options;
using Whfb.Simulator.EntraConnect;
using Whfb.Simulator.Graph;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Seeding;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Fleet;

/// <summary>Runs the configured scenario once: builds the fleet, seeds AD, steps devices, injects the stall, prints the summary.</summary>
public sealed class FleetRunner(
    IOptions<FleetOptions> options, IOptions<GraphEmulatorOptions> graph, IOptions<EntraConnectOptions> entraConnect,
    TenantDirectory directory, HelloMethodStore methods, IntuneStore intune, SyncFaults faults, SyncEngine sync, FleetStatus status,
    TimeProvider time, ILogger<FleetRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Scenario is not { Length: > 0 } name)
        {
            return;
        }

        try
        {
            await RunScenarioAsync(name, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            (status.State, status.Error) = ("failed", e.Message);
            FleetLog.Failed(logger, e);
        }
    }

    private async Task RunScenarioAsync(string name, CancellationToken stoppingToken)
    {
        var wall = Stopwatch.StartNew();
        var scenario = ScenarioLoader.Load(name);
        var devices = FleetBuilder.Build(scenario, directory, intune);
        FleetLog.Built(logger, scenario.Name, devices.Count, scenario.Seed);
        var groups = FleetBuilder.RingGroupIds(scenario, directory);
        var rings = scenario.Rings.Select((r, i) => (r.Name, GroupId: groups[i])).ToList();
        (status.Scenario, status.DurationSeconds) = (scenario.Name, scenario.Timing.DurationSeconds);
        status.Rings = rings.Select((r, i) => new RingGroup(i, r.Name, r.GroupId, devices.Count(d => d.Ring == i))).ToList();
        faults.ExcludeFromScope(devices.Where(d => d.OutOfSyncScope).Select(d => d.User.Id));
        faults.ExportLimitPerCycle = scenario.Faults.SlowExport;
        status.State = "seeding";
        var (sink, http) = FleetSinks.Create(options.Value);
        using (http)
        {
            var seeding = scenario.SeedDirectory && entraConnect.Value.Enabled ? SeedAsync(scenario, devices, stoppingToken) : Task.CompletedTask;
            var enrolling = FleetSinks.EnrollAsync(sink, devices, stoppingToken);
            await Task.WhenAll(seeding, enrolling);
            status.Enrollment = await enrolling;
            if (status.Enrollment is { } enrolled)
                FleetLog.Enrolled(logger, enrolled);

            status.State = "ready";
            if (options.Value.WaitForStart)
            {
                await status.Started.WaitAsync(stoppingToken);
            }

            (status.State, status.StartedAt) = ("running", time.GetUtcNow());
            var simulation = new FleetSimulation(
                devices, directory, methods, intune, graph.Value.TenantId, scenario.Seed, time, TimeSpan.FromSeconds(scenario.Timing.PolicyCheckInSeconds));
            var run = Stopwatch.StartNew();
            await RunAsync(scenario, simulation, sink, rings, stoppingToken);
            Finish(scenario, simulation, sink, groups, rings, run.Elapsed);
        }
    }

    private void Finish(Scenario scenario, FleetSimulation simulation, IDeviceReportSink sink, IReadOnlyList<string> groups,
        IReadOnlyList<(string Name, string GroupId)> rings, TimeSpan elapsed)
    {
        var stats = simulation.Stats(AssignedRings(groups), scenario.Faults.StalledSchedulerCycles, rings);
        status.Stats = stats;
        status.Summary = FleetSummary.Format(scenario.Name, scenario.Seed, stats, sync.State, FleetSinks.Describe(sink), elapsed, status.Seeding);
        status.State = "finished";
        FleetLog.Summary(logger, status.Summary);
        Console.WriteLine(status.Summary);
    }

    private async Task SeedAsync(Scenario scenario, IReadOnlyList<FleetDevice> devices, CancellationToken stoppingToken)
    {
        var ldap = entraConnect.Value.Directory();
        var ou = $"OU=sim-{scenario.Name}-{scenario.Seed},{options.Value.DirectoryBaseDn}";
        var seeded = await DirectorySeeder.SeedAsync(devices, directory, ldap, ou, options.Value.SeedConnections, stoppingToken);
        var orphans = await OrphanedKeys.WriteAsync(devices, ou, ldap, scenario.Seed, time.GetUtcNow(), options.Value.SeedConnections, stoppingToken);
        status.Seeding = $"{ou}: {seeded.Created} users created, {seeded.Reused} reused ({seeded.Updated} reset), {orphans} orphaned key values written, " +
            $"{seeded.Elapsed.TotalSeconds:F1} s over {options.Value.SeedConnections} LDAP connections";
        FleetLog.Seeded(logger, status.Seeding);
    }

    private int AssignedRings(IReadOnlyList<string> groups)
    {
        var assigned = intune.Assignments().Select(a => a.GroupId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return groups.Count(assigned.Contains);
    }

    private async Task RunAsync(
        Scenario scenario, FleetSimulation simulation, IDeviceReportSink sink, IReadOnlyList<(string Name, string GroupId)> ringGroups,
        CancellationToken stoppingToken)
    {
        var timing = scenario.Timing;
        var rings = ringGroups.Select(r => r.GroupId).ToList();
        var assigner = options.Value.AssignRings ? new FleetRingAssigner(intune) : null;
        var (clock, assigned) = (new FleetClock(timing, rings.Count, time.GetUtcNow()), 0);
        var stall = new StallTrigger(timing.StallAfterSeconds, scenario.Faults.StalledSchedulerCycles);
        while (clock.Running(time.GetUtcNow(), simulation.Waiting))
        {
            var elapsed = clock.Elapsed(time.GetUtcNow());
            while (assigner is not null && assigned < rings.Count && elapsed >= assigned * timing.RingIntervalSeconds)
            {
                assigner.AssignThrough(rings, assigned);
                FleetLog.RingAssigned(logger, assigned + 1, scenario.Rings[assigned].Name);
                assigned++;
            }

            await simulation.StepAsync(sink, stoppingToken);
            status.Stats = simulation.Stats(AssignedRings(rings), scenario.Faults.StalledSchedulerCycles, ringGroups);
            if (stall.Fires(elapsed, status.Stats.Registered300))
            {
                faults.DisableScheduler(scenario.Faults.StalledSchedulerCycles);
                FleetLog.Stalled(logger, scenario.Faults.StalledSchedulerCycles);
            }

            clock.Observe(status.Stats.RingsAssigned, time.GetUtcNow());
            await Task.Delay(options.Value.StepInterval, time, stoppingToken);
        }
    }
}
