using System.Text.Json;
using Whfb.Contracts.Keys;
using Whfb.Insights.Projections;
using Whfb.Insights.Tests.Support;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.Alerts;

/// <summary>
/// A key stuck before SyncTracker knew its device (Graph lists keys without devices) keeps one identity in key_state and
/// one alert episode, and recovers under its device; two such keys of one user stay two.
/// </summary>
[Collection(AlertsCollection.Name)]
public sealed class KeyWithoutDeviceTests(AlertsHost host)
{
    [Fact]
    public async Task Stuck_without_device_then_recovered_with_it_is_one_synced_key_off_the_stuck_list_and_its_alert_resolves()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now, user, device) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow(), Guid.NewGuid(), Guid.NewGuid());
        var stuck = Stuck(Deviceless(tenant, user, "m-1", now.AddHours(-3)), now, StuckKeyHint.UserOutOfSyncScope);
        await host.PublishAsync(stuck);
        await host.SettledAsync(tenant, "a.kind = 'key-stuck'", 1);
        var listed = Assert.Single(await StuckKeysAsync(tenant));
        Assert.Equal((JsonValueKind.Null, "m-1"), (listed.GetProperty("deviceId").ValueKind, listed.GetProperty("entraKeyId").GetString()));

        await host.PublishAsync(Recovery(stuck, now.AddHours(1), device));
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 1);

        Assert.Equal(1, await KeysAsync(tenant));
        Assert.Equal(1, await KeysAsync(tenant, $"device_id = '{device}' AND state = 'synced' AND entra_key_id = 'm-1'"));
        Assert.Empty(await StuckKeysAsync(tenant));
        Assert.Equal(1, await host.AlertsAsync(tenant));
        Assert.Equal(["opened", "resolved"], receiver.Notifications().Select(n => n.Event));
    }

    [Fact]
    public async Task Two_keys_of_one_user_stuck_without_devices_are_two_keys_and_two_alerts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now, user) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow(), Guid.NewGuid());

        await host.PublishAsync(Stuck(Deviceless(tenant, user, "m-laptop", now.AddDays(-3)), now.AddDays(-3).AddHours(3), StuckKeyHint.UserOutOfSyncScope));
        await host.PublishAsync(Stuck(Deviceless(tenant, user, "m-desktop", now.AddHours(-3)), now, StuckKeyHint.UserOutOfSyncScope));
        await host.SettledAsync(tenant, "a.kind = 'key-stuck' AND a.resolved_at IS NULL", 2);

        Assert.Equal(2, await KeysAsync(tenant, "state = 'stuck'"));
        Assert.Equal(["m-desktop", "m-laptop"], (await StuckKeysAsync(tenant)).Select(k => k.GetProperty("entraKeyId").GetString()).Order());
        Assert.Equal(["opened", "opened"], receiver.Notifications().Select(n => n.Event));
    }

    [Fact]
    public async Task The_same_events_redelivered_change_nothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now, user, device) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow(), Guid.NewGuid(), Guid.NewGuid());
        var stuck = Stuck(Deviceless(tenant, user, "m-1", now.AddHours(-3)), now, StuckKeyHint.UserOutOfSyncScope);
        var recovered = Recovery(stuck, now.AddHours(1), device);
        await host.PublishAsync(stuck);
        await host.SettledAsync(tenant, "a.kind = 'key-stuck'", 1);
        await host.PublishAsync(recovered);
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 1);
        var before = await StateAsync(tenant);

        await host.PublishAsync(stuck, recovered);
        await host.DrainedAsync();
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 1);

        Assert.Equal((1, 1, 1, 2), before);
        Assert.Equal(before, await StateAsync(tenant));
        Assert.Equal(["opened", "resolved"], receiver.Notifications().Select(n => n.Event));
    }

    [Fact]
    public async Task A_key_stuck_without_device_before_stand_ins_still_recovers_its_row_and_its_open_alert()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now, user, device) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow(), Guid.NewGuid(), Guid.NewGuid());
        await host.ScalarAsync("""
            INSERT INTO key_state (tenant_id, user_id, device_id, entra_key_id, state, stuck_since, updated_at)
            VALUES (@t, @u, @empty, 'm-old', 'stuck', @at, @at);
            INSERT INTO alerts (id, tenant_id, episode_key, kind, title, text, opened_at)
            VALUES (gen_random_uuid(), @t, @episode, 'key-stuck', 'Key stuck: ada@contoso.test', 'written before stand-ins', @at)
            """, ("t", tenant), ("u", user), ("empty", Guid.Empty), ("at", now), ("episode", $"key-stuck:{user}:"));

        await host.PublishAsync(Recovery(Stuck(Deviceless(tenant, user, "m-old", now.AddHours(-3)), now), now.AddHours(1), device));
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 1);

        Assert.Equal(1, await KeysAsync(tenant));
        Assert.Equal(1, await KeysAsync(tenant, $"device_id = '{device}' AND state = 'synced'"));
        Assert.Equal(["resolved"], receiver.Notifications().Select(n => n.Event));
    }

    private async Task<List<JsonElement>> StuckKeysAsync(Guid tenant) =>
        [.. (await host.Client(tenant).JsonAsync("/v1/analytics/keys/stuck")).GetProperty("keys").EnumerateArray()];

    private Task<long> KeysAsync(Guid tenant, string where = "true") =>
        host.ScalarAsync($"SELECT count(*) FROM key_state WHERE tenant_id = @t AND {where}", ("t", tenant));

    /// <summary>(key rows, alerts, resolved alerts, deliveries) of the tenant.</summary>
    private async Task<(long, long, long, long)> StateAsync(Guid tenant) => (await KeysAsync(tenant), await host.AlertsAsync(tenant),
        await host.AlertsAsync(tenant, "a.resolved_at IS NOT NULL"),
        await host.DeliveriesAsync(tenant));
}
