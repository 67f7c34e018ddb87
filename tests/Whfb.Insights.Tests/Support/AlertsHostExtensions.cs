using System.Text.Json;
using Whfb.Contracts.Keys;
using Whfb.Testing;

namespace Whfb.Insights.Tests.Support;

/// <summary>Waiting for a tenant's alert rows and notifications, and reading what a receiver got.</summary>
public static class AlertsHostExtensions
{
    /// <summary>A tenant no other test uses, with a webhook for every alert kind that posts to <paramref name="receiver"/>.</summary>
    public static async Task<Guid> NewTenantAsync(this AlertsHost host, WebhookReceiver receiver)
    {
        var tenant = host.NewTenant();
        await host.RegisterAsync(tenant, receiver, null);
        return tenant;
    }

    /// <summary>
    /// On a tenant of its own: opens its pipeline stall at <paramref name="at"/>, then (once applied, as SyncTracker
    /// sends them, a stall before its stuck keys) <paramref name="keys"/> keys stuck only because of it, all folded.
    /// </summary>
    public static async Task<(SyncPipelineStalled Stall, KeySyncStuck[] Keys)> StallAsync(this AlertsHost host, Guid tenant, DateTimeOffset at, int keys)
    {
        var stall = Events.Stalled(tenant, at, keys);
        await host.PublishAsync(stall);
        await host.SettledAsync(tenant, "a.kind = 'pipeline-stalled'", 1);
        var stuck = Events.PipelineStuck(tenant, keys, at.AddMinutes(20));
        await host.PublishAsync(stuck);
        await host.SettledAsync(tenant, "a.folded_into IS NOT NULL", keys);
        return (stall, stuck);
    }

    /// <summary>The tenant's alert rows (alias <c>a</c>) matching <paramref name="where"/>.</summary>
    public static Task<long> AlertsAsync(this AlertsHost host, Guid tenant, string where = "true") =>
        host.ScalarAsync($"SELECT count(*) FROM alerts a WHERE a.tenant_id = @t AND {where}", ("t", tenant));

    /// <summary>The tenant's notification deliveries, whatever their state.</summary>
    public static Task<long> DeliveriesAsync(this AlertsHost host, Guid tenant) =>
        host.ScalarAsync("SELECT count(*) FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id WHERE a.tenant_id = @t", ("t", tenant));

    /// <summary>
    /// Waits until the tenant has <paramref name="count"/> alert rows matching <paramref name="where"/> (the events
    /// were applied) and no notification due by the fake clock is left unsent (all of them were posted).
    /// </summary>
    public static async Task SettledAsync(this AlertsHost host, Guid tenant, string where, long count)
    {
        await Eventually.Async(async () => await host.AlertsAsync(tenant, where) == count);
        await Eventually.Async(async () => await host.ScalarAsync("""
            SELECT count(*) FROM alert_deliveries d JOIN alerts a ON a.id = d.alert_id
            WHERE a.tenant_id = @t AND d.status = 'pending' AND d.next_attempt_at <= @now
            """, ("t", tenant), ("now", host.Time.GetUtcNow())) == 0);
    }

    /// <summary>
    /// Waits until the key and pipeline queues consumed what was published before: a message of each of their types,
    /// for a tenant of its own, published now, is in the history.
    /// </summary>
    public static async Task DrainedAsync(this AlertsHost host)
    {
        var (tenant, at) = (host.NewTenant(), host.Time.GetUtcNow());
        var stuck = Events.Stuck(tenant, Guid.NewGuid(), Guid.NewGuid(), at);
        await host.PublishAsync(Events.Stalled(tenant, at, 1), stuck, Events.Recovered(tenant, stuck.Key.UserId, stuck.Key.DeviceId!.Value, at),
            Events.PipelineRecovered(tenant, at, at));
        await Eventually.Async(async () => await host.ScalarAsync("SELECT count(*) FROM history WHERE tenant_id = @t", ("t", tenant)) == 4);
    }

    /// <summary>(event, title, text) of every notification received, in order.</summary>
    public static List<(string Event, string Title, string Text)> Notifications(this WebhookReceiver receiver) =>
        [.. receiver.Requests.Select(r => JsonDocument.Parse(r.Body).RootElement).Select(n =>
            (n.GetProperty("event").GetString()!, n.GetProperty("title").GetString()!, n.GetProperty("text").GetString()!))];
}
