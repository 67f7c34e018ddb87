using Whfb.Contracts.Keys;
using Whfb.Insights.Alerts;
using Whfb.Insights.Tests.Support;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.Alerts;

/// <summary>A stalled pipeline is one alert: keys stuck only because of it fold into it instead of each notifying.</summary>
[Collection(AlertsCollection.Name)]
public sealed class AlertFoldingTests(AlertsHost host)
{
    private AlertOptions Options => host.AlertOptions;

    [Fact]
    public async Task Keys_stuck_only_because_the_pipeline_stalled_fold_into_its_alert_and_send_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow());
        await host.StallAsync(tenant, now, 50);

        await host.PublishAsync(Stuck(tenant, Guid.NewGuid(), Guid.NewGuid(), now.AddMinutes(20), StuckKeyHint.UserOutOfSyncScope, StuckKeyHint.PipelineStalled));
        await host.SettledAsync(tenant, "a.kind = 'key-stuck'", 51);

        Assert.Equal(50, await host.AlertsAsync(tenant, "a.folded_into IS NOT NULL"));
        var notes = receiver.Notifications();
        Assert.Equal(2, notes.Count);
        Assert.Equal(("opened", "Key sync pipeline stalled"), (notes[0].Event, notes[0].Title));
        Assert.Equal("opened", notes[1].Event);
        Assert.Contains("UserOutOfSyncScope", notes[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_stall_resolves_with_one_notification_counting_its_folded_keys_which_recover_silently()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow());
        var (_, stuck) = await host.StallAsync(tenant, now, 50);

        // SyncTracker's order: the first key found in AD ends the stall, the rest of the same scan follow.
        await host.PublishAsync(Recovery(stuck[0], now.AddHours(2)), PipelineRecovered(tenant, now, now.AddHours(2)));
        await host.PublishAsync([.. stuck.Skip(1).Select(k => Recovery(k, now.AddHours(2)))]);
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 51);
        Assert.Single(receiver.Notifications());

        host.Time.Advance(Options.FoldSummaryDelay);
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 51);

        var notes = receiver.Notifications();
        Assert.Equal(["opened", "resolved"], notes.Select(n => n.Event));
        Assert.Equal($"Keys reach AD again (stalled since {now:u}). It held up 50 keys past their threshold; 50 have reached AD, 0 still waiting.", notes[1].Text);
    }

    [Fact]
    public async Task A_key_stuck_with_the_pipeline_hint_while_no_stall_is_open_is_notified_as_before()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow());
        var stuck = PipelineStuck(tenant, 1, now);

        await host.PublishAsync(stuck[0]);
        await host.SettledAsync(tenant, "a.folded_into IS NULL", 1);
        await host.PublishAsync(Recovery(stuck[0], now.AddHours(1)));
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 1);

        Assert.Equal(["opened", "resolved"], receiver.Notifications().Select(n => n.Event));
    }

    [Fact]
    public async Task Redelivered_events_change_nothing_twice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow());
        var (stall, stuck) = await host.StallAsync(tenant, now, 3);
        object[] recovered = [.. stuck.Select(k => Recovery(k, now.AddHours(1))), PipelineRecovered(tenant, now, now.AddHours(1))];
        await host.PublishAsync(recovered);
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 4);
        host.Time.Advance(Options.FoldSummaryDelay);
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 4);
        var before = await StateAsync(tenant);

        await host.PublishAsync([stall, .. stuck, .. recovered]);
        await host.DrainedAsync();
        host.Time.Advance(Options.FoldSummaryDelay);
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 4);

        Assert.Equal((4, 3, 2), before);
        Assert.Equal(before, await StateAsync(tenant));
        Assert.Equal(["opened", "resolved"], receiver.Notifications().Select(n => n.Event));
    }

    /// <summary>(alerts, folded alerts, deliveries) of the tenant.</summary>
    private async Task<(long, long, long)> StateAsync(Guid tenant) => (await host.AlertsAsync(tenant), await host.AlertsAsync(tenant, "a.folded_into IS NOT NULL"),
        await host.DeliveriesAsync(tenant));
}
