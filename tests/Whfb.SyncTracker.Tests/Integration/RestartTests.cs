using Whfb.Contracts.Devices;
using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Tests.Support;
using Whfb.Testing;

namespace Whfb.SyncTracker.Tests.Integration;

/// <summary>The real service on PostgreSQL and RabbitMQ: idempotent intake, one alert per episode across a restart.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_in_the_middle_keeps_state_and_raises_no_second_alert()
    {
        await using var host = await SyncTrackerHost.StartAsync(new() { ["SyncTracker:EvaluateInterval"] = "00:01:00" });
        var registered = Registration(SyncTrackerHost.TenantA, Guid.NewGuid(), Guid.NewGuid(), SyncTrackerHost.Start);
        await host.PublishAsync(registered);
        await host.PublishAsync(registered);
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM inbox_messages") == 1);
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE state = 'AwaitingAd'"));

        await host.AdvanceAsync(TimeSpan.FromMinutes(80), TimeSpan.FromMinutes(5));
        await Eventually.Async(() => Task.FromResult(host.Events.Count<KeySyncStuck>() == 1 && host.Events.Count<SyncPipelineStalled>() == 1));

        await host.RestartAsync();
        await host.PublishAsync(registered);
        await host.AdvanceAsync(TimeSpan.FromHours(3), TimeSpan.FromMinutes(10));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL") == 0);
        await Task.Delay(1000);

        Assert.Equal(1, host.Events.Count<KeySyncStuck>());
        Assert.Equal(1, host.Events.Count<SyncPipelineStalled>());
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM tracked_keys WHERE state = 'Stuck'"));
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM inbox_messages"));
    }

    public static NgcKeyRegistered Registration(Guid tenant, Guid device, Guid user, DateTimeOffset at) =>
        new(new DeviceEventHeader(Guid.NewGuid(), tenant, device, "PC-1", "ada@whfb.test", user,
            "Microsoft-Windows-User Device Registration/Admin", 300, Random.Shared.NextInt64(1, long.MaxValue), at),
            Guid.NewGuid(), "ada@whfb.test", "ATT_TPM", null, null, null);
}
