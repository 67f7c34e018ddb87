using System.Diagnostics;
using Microsoft.Extensions.Options;
using Whfb.Simulator.EntraConnect;
using Whfb.Simulator.Graph;
using Whfb.Simulator.Intune;
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

        var wall = Stopwatch.StartNew();
        var scenario = ScenarioLoader.Load(name);
        var devices = FleetBuilder.Build(scenario, directory);
        FleetLog.Built(logger, scenario.Name, devices.Count, scenario.Seed);
        faults.ExcludeFromScope(devices.Where(d => d.OutOfSyncScope).Select(d => d.User.Id));
        status.State = "seeding";
        if (scenario.SeedDirectory && entraConnect.Value.Enabled)
        {
            var ou = await DirectorySeeder.SeedAsync(devices, directory, entraConnect.Value.Directory(), options.Value.DirectoryBaseDn,
                $"sim-{scenario.Name}-{scenario.Seed}", stoppingToken);
            FleetLog.Seeded(logger, devices.Count, ou, wall.Elapsed.TotalSeconds);
        }

        status.State = "running";
        var simulation = new FleetSimulation(devices, directory, methods, intune, graph.Value.TenantId, scenario.Seed, time);
        var (sink, http) = CreateSink();
        using (http)
        {
            await RunAsync(scenario, simulation, sink, stoppingToken);
        }

        var stats = simulation.Stats(intune.Assignments().Select(a => a.GroupId).Distinct().Count(), scenario.Faults.StalledSchedulerCycles);
        status.Stats = stats;
        status.Summary = FleetSummary.Format(scenario.Name, scenario.Seed, stats, sync.State, Describe(sink), wall.Elapsed);
        status.State = "finished";
        FleetLog.Summary(logger, status.Summary);
        Console.WriteLine(status.Summary);
    }

    private async Task RunAsync(Scenario scenario, FleetSimulation simulation, IDeviceReportSink sink, CancellationToken stoppingToken)
    {
        var timing = scenario.Timing;
        var rings = FleetBuilder.RingGroupIds(scenario, directory);
        var assigner = options.Value.AssignRings ? new RingAssigner(intune, graph.Value.TenantId) : null;
        var (start, assigned, stalled) = (time.GetUtcNow(), 0, false);
        while ((time.GetUtcNow() - start).TotalSeconds < timing.DurationSeconds)
        {
            var elapsed = (time.GetUtcNow() - start).TotalSeconds;
            while (assigner is not null && assigned < rings.Count && elapsed >= assigned * timing.RingIntervalSeconds)
            {
                assigner.AssignThrough(rings, assigned);
                FleetLog.RingAssigned(logger, assigned + 1, scenario.Rings[assigned].Name);
                assigned++;
            }

            if (!stalled && scenario.Faults.StalledSchedulerCycles > 0 && elapsed >= timing.StallAfterSeconds)
            {
                faults.DisableScheduler(scenario.Faults.StalledSchedulerCycles);
                FleetLog.Stalled(logger, scenario.Faults.StalledSchedulerCycles);
                stalled = true;
            }

            await simulation.StepAsync(sink, stoppingToken);
            status.Stats = simulation.Stats(assigned, scenario.Faults.StalledSchedulerCycles);
            await Task.Delay(options.Value.StepInterval, time, stoppingToken);
        }
    }

    private (IDeviceReportSink Sink, HttpClient? Http) CreateSink()
    {
        if (options.Value is { IngestUrl: { } url, CollectorKey: { Length: > 0 } key })
        {
            var http = new HttpClient { BaseAddress = url };
            return (new IngestReportSink(http, key), http);
        }

        return (new CountingReportSink(), null);
    }

    private static string Describe(IDeviceReportSink sink) => sink switch
    {
        IngestReportSink ingest => $"{ingest.Accepted} posts accepted by Ingest, {ingest.Refused} refused{(ingest.LastRefusal is { } r ? $" (last: {r})" : "")}",
        CountingReportSink counting => $"{counting.Posts} posts counted (no Ingest configured: set Simulator__Fleet__IngestUrl and __CollectorKey)",
        _ => "",
    };
}
