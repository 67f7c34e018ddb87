using Microsoft.Extensions.DependencyInjection;
using Whfb.Contracts.Keys;
using Whfb.Simulator.Tenant;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing.Graph;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>The organization's onPremisesLastSyncDateTime, read from Graph, stalls and recovers the pipeline without any key waiting.</summary>
public sealed class SyncStatusTests
{
    private static readonly DateTimeOffset Start = SyncTrackerHost.Start;

    [Fact]
    public async Task A_last_sync_older_than_two_cycles_stalls_the_pipeline_once_and_a_new_sync_recovers_it()
    {
        await using var emulator = await EmulatorScope<GraphEmulator>.StartAsync(new GraphEmulator());
        var status = emulator.Graph.App.Services.GetRequiredService<DirectorySyncStatus>();
        status.Synced(Start.AddMinutes(-61));
        await using var host = await SyncTrackerHost.StartAsync(emulator.Graph.InventorySettings());
        await host.AdvanceUntilAsync(() => Task.FromResult(host.Events.Count<SyncPipelineStalled>() == 1), TimeSpan.FromSeconds(20));
        var health = await host.SyncHealthAsync();
        Assert.Equal("stalled", health.GetProperty("pipeline").GetString());
        Assert.Equal(Start.AddMinutes(-61), health.GetProperty("onPremisesLastSyncAt").GetDateTimeOffset());

        status.Synced(Start.AddMinutes(4));
        await host.AdvanceUntilAsync(() => Task.FromResult(host.Events.Count<SyncPipelineRecovered>() == 1), TimeSpan.FromMinutes(1));
        await host.AdvanceAsync(TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(1));

        Assert.Equal(1, host.Events.Count<SyncPipelineStalled>());
        Assert.Equal(0, host.Events.Received.OfType<SyncPipelineStalled>().Single().KeysWaiting);
        Assert.Equal(Start.AddMinutes(4), (await host.SyncHealthAsync()).GetProperty("onPremisesLastSyncAt").GetDateTimeOffset());
    }

}
