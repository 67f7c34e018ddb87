using Whfb.Contracts.Health;
using Whfb.Insights.Tests.Support;
using Whfb.Testing;
using Xunit;

namespace Whfb.Insights.Tests.Alerts;

/// <summary>The platform's own access problems (a Graph permission, the directory) are alert episodes of their own kinds.</summary>
[Collection(AlertsCollection.Name)]
public sealed class HealthAlertTests(AlertsHost host)
{
    [Fact]
    public async Task A_missing_graph_permission_is_one_notification_per_feature_and_resolves_when_granted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var tenant = host.NewTenant();
        await host.RegisterAsync(tenant, receiver, "graph-permission-missing");
        var at = host.Time.GetUtcNow();

        await host.PublishAsync(Missing(tenant, "key-inventory", at));
        await host.PublishAsync(Missing(tenant, "key-inventory", at.AddMinutes(5)));
        await host.PublishAsync(Missing(tenant, "ring-members", at.AddMinutes(6)) with { Service = "Policy" });
        await host.SettledAsync(tenant, "a.kind = 'graph-permission-missing' AND a.resolved_at IS NULL", 2);
        await host.PublishAsync(new GraphPermissionRestored(Guid.NewGuid(), tenant, "SyncTracker", "key-inventory", at, at.AddHours(1)));
        await host.SettledAsync(tenant, "a.kind = 'graph-permission-missing' AND a.resolved_at IS NOT NULL", 1);

        var notifications = receiver.Notifications();
        Assert.Equal(["opened", "opened", "resolved"], notifications.Select(n => n.Event).Order());
        var inventory = Assert.Single(notifications, n => n.Event == "opened" && n.Title.StartsWith("SyncTracker", StringComparison.Ordinal));
        Assert.Contains("Grant UserAuthenticationMethod.Read.All to the SyncTracker app", inventory.Text, StringComparison.Ordinal);
        Assert.Contains("Authorization_RequestDenied", inventory.Text, StringComparison.Ordinal);
        Assert.StartsWith("Graph allows it again (missing since", Assert.Single(notifications, n => n.Event == "resolved").Text, StringComparison.Ordinal);
        Assert.Equal(1, await host.AlertsAsync(tenant,
            "a.kind = 'graph-permission-missing' AND a.resolved_at IS NULL AND a.episode_key = 'graph-permission-missing:Policy:ring-members'"));
    }

    [Fact]
    public async Task An_unreachable_directory_is_one_episode_that_a_webhook_for_other_kinds_does_not_hear()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var other = await WebhookReceiver.StartAsync();
        var tenant = host.NewTenant();
        await host.RegisterAsync(tenant, receiver, "directory-unreachable");
        await host.RegisterAsync(tenant, other, "key-stuck");
        var at = host.Time.GetUtcNow();
        string[] dcs = ["ldaps://dc1.contoso.test", "ldaps://dc2.contoso.test"];

        await host.PublishAsync(new DirectoryUnreachable(Guid.NewGuid(), tenant, dcs, "connection refused", at.AddMinutes(-3), at));
        await host.PublishAsync(new DirectoryUnreachable(Guid.NewGuid(), tenant, dcs, "connection refused", at.AddMinutes(-3), at.AddMinutes(2)));
        await host.SettledAsync(tenant, "a.kind = 'directory-unreachable'", 1);
        await host.PublishAsync(new DirectoryReachable(Guid.NewGuid(), tenant, dcs[1], at.AddMinutes(-3), at.AddMinutes(4)));
        await host.SettledAsync(tenant, "a.kind = 'directory-unreachable' AND a.resolved_at IS NOT NULL", 1);

        var notifications = receiver.Notifications();
        Assert.Equal(["opened", "resolved"], notifications.Select(n => n.Event));
        Assert.Contains("ldaps://dc1.contoso.test, ldaps://dc2.contoso.test", notifications[0].Text, StringComparison.Ordinal);
        Assert.Contains("ldaps://dc2.contoso.test answers again", notifications[1].Text, StringComparison.Ordinal);
        Assert.Empty(other.Requests);
    }

    private static GraphPermissionMissing Missing(Guid tenant, string feature, DateTimeOffset at) =>
        new(Guid.NewGuid(), tenant, "SyncTracker", feature, ["UserAuthenticationMethod.Read.All"],
            "Authorization_RequestDenied: Insufficient privileges to complete the operation.", at);
}
