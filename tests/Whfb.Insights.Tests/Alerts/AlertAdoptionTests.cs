using System.Net.Http.Json;
using System.Text.Json;
using Whfb.Contracts.Keys;
using Whfb.Insights.Alerts;
using Whfb.Insights.Tests.Support;
using Whfb.Testing;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.Alerts;

/// <summary>
/// One root cause, one notification: a backlog is one episode like a stall, and a pipeline episode that opens adopts
/// the key alerts already open that it alone explains.
/// </summary>
[Collection(AlertsCollection.Name)]
public sealed class AlertAdoptionTests(AlertsHost host)
{
    private AlertOptions Options => host.AlertOptions;

    [Fact]
    public async Task A_backlog_opens_one_episode_with_its_numbers_and_its_keys_fold_into_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow());
        await host.PublishAsync(Backlog(tenant, now, 3100));
        await host.SettledAsync(tenant, "a.kind = 'sync-backlog'", 1);

        var keys = Enumerable.Range(0, 20).Select(_ => Stuck(tenant, Guid.NewGuid(), Guid.NewGuid(), now.AddMinutes(5), StuckKeyHint.PipelineBacklog)).ToArray();
        await host.PublishAsync(keys);
        await host.SettledAsync(tenant, "a.folded_into IS NOT NULL", 20);

        var opened = Assert.Single(receiver.Notifications());
        Assert.Equal(("opened", "Key sync backlog"), (opened.Event, opened.Title));
        Assert.Equal(
            "Entra Connect is exporting 400 keys per cycle (0:30:00) while 650 arrive; 3,100 keys waiting, the oldest for 2 h 0 min; "
            + "at this rate the last reaches AD in ~8 cycles (4 h 0 min).", opened.Text);
    }

    [Fact]
    public async Task Key_alerts_already_open_are_adopted_by_the_backlog_and_its_resolve_counts_them()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow());
        var early = Enumerable.Range(0, 3).Select(_ => Unexplained(tenant, now)).ToArray();
        var own = Stuck(tenant, Guid.NewGuid(), Guid.NewGuid(), now, StuckKeyHint.PassedOverByExport);
        await host.PublishAsync([.. early, own]);
        await host.SettledAsync(tenant, "a.kind = 'key-stuck'", 4);
        Assert.Equal(4, receiver.Notifications().Count);

        await host.PublishAsync(Backlog(tenant, now.AddMinutes(1), 3));
        await host.SettledAsync(tenant, "a.folded_into IS NOT NULL", 3);
        Assert.Equal(1, await host.AlertsAsync(tenant, "a.kind = 'key-stuck' AND a.folded_into IS NULL"));
        Assert.EndsWith("It adopts 3 open key-stuck alerts raised before it.", receiver.Notifications()[^1].Text, StringComparison.Ordinal);

        await host.PublishAsync([.. early.Select(k => Recovery(k, now.AddMinutes(30)))]);
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 3);
        await host.PublishAsync(BacklogCleared(tenant, now.AddMinutes(1), now.AddMinutes(31)));
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 4);
        host.Time.Advance(Options.FoldSummaryDelay);
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 4);

        var notes = receiver.Notifications();
        Assert.Equal(["opened", "opened", "opened", "opened", "opened", "resolved"], notes.Select(n => n.Event));
        Assert.EndsWith("It held up 3 keys past their threshold; 3 have reached AD, 0 still waiting.", notes[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_backlog_after_a_stall_takes_over_the_stalls_keys_still_waiting_so_they_do_not_unfold_at_the_stalls_grace()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow());
        await host.StallAsync(tenant, now, 5);
        await host.PublishAsync(PipelineRecovered(tenant, now, now.AddHours(1)));
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 1);
        await host.PublishAsync(Backlog(tenant, now.AddHours(1), 5));
        await host.SettledAsync(tenant, "a.kind = 'sync-backlog'", 1);
        await host.SettledAsync(tenant, "a.folded_into = (SELECT b.id FROM alerts b WHERE b.tenant_id = a.tenant_id AND b.kind = 'sync-backlog')", 5);

        host.Time.Advance(Options.FoldedGrace + Options.FoldSummaryDelay);
        await host.SettledAsync(tenant, "a.kind = 'key-stuck' AND a.folded_into IS NULL", 0);
        Assert.Equal(
            ["opened Key sync backlog", "opened Key sync pipeline stalled", "resolved Key sync pipeline stalled"],
            receiver.Notifications().Select(n => $"{n.Event} {n.Title}").Order());
    }

    [Fact]
    public async Task A_key_SyncTracker_says_has_no_cause_of_its_own_folds_into_the_stall_whatever_its_weaker_hints()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow());
        await host.StallAsync(tenant, now, 1);
        var unseen = Stuck(tenant, Guid.NewGuid(), Guid.NewGuid(), now, StuckKeyHint.UserNotFoundInAd, StuckKeyHint.PipelineStalled) with { OwnCause = false };
        var confirmed = Stuck(tenant, Guid.NewGuid(), Guid.NewGuid(), now, StuckKeyHint.UserNotFoundInAd, StuckKeyHint.PipelineStalled) with { OwnCause = true };

        await host.PublishAsync(unseen, confirmed);
        await host.SettledAsync(tenant, "a.kind = 'key-stuck'", 3);

        Assert.Equal(2, await host.AlertsAsync(tenant, "a.folded_into IS NOT NULL"));
        Assert.Equal(["opened Key stuck: ada@contoso.test", "opened Key sync pipeline stalled"],
            receiver.Notifications().Select(n => $"{n.Event} {n.Title}").Order());
    }

    /// <summary>A key stuck with no hint at all (nothing known about it yet): foldable.</summary>
    private static KeySyncStuck Unexplained(Guid tenant, DateTimeOffset at) => Stuck(tenant, Guid.NewGuid(), Guid.NewGuid(), at) with { Hints = [] };

    [Fact]
    public async Task An_unsent_notification_of_an_adopted_alert_is_withheld()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow());
        receiver.FailNext = 1;
        await host.PublishAsync(Unexplained(tenant, now));
        await Eventually.Async(() => Task.FromResult(receiver.Requests.Count == 1));

        await host.PublishAsync(Backlog(tenant, now, 1));
        await host.SettledAsync(tenant, "a.folded_into IS NOT NULL", 1);
        host.Time.Advance(TimeSpan.FromSeconds(Options.MaxBackoffSeconds));
        await host.SettledAsync(tenant, "a.kind = 'sync-backlog'", 1);

        var notes = receiver.Notifications();
        Assert.Equal(2, notes.Count);
        Assert.EndsWith("It adopts 1 open key-stuck alert raised before it (1 of their notifications not yet sent are withheld).", notes[^1].Text, StringComparison.Ordinal);
        var counts = await host.Client(tenant).GetFromJsonAsync<JsonElement>("/v1/alerts/notifications");
        Assert.Equal(
            ["key-stuck opened withheld 1", "sync-backlog opened delivered 1"],
            counts.GetProperty("notifications").EnumerateArray().Select(n =>
                $"{n.GetProperty("kind").GetString()} {n.GetProperty("event").GetString()} {n.GetProperty("status").GetString()} {n.GetProperty("count").GetInt64()}"));
    }
}
