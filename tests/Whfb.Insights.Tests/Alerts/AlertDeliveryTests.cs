using System.Text.Json;
using Whfb.Contracts.Keys;
using Whfb.Contracts.Policy;
using Whfb.Insights.Alerts;
using Whfb.Insights.Tests.Support;
using Whfb.Testing;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.Alerts;

[Collection(AlertsCollection.Name)]
public sealed class AlertDeliveryTests(AlertsHost host)
{
    [Fact]
    public async Task A_stuck_key_is_notified_once_per_episode_signed_and_resolved_when_it_recovers()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await host.RegisterAsync(InsightsHost.TenantA, receiver, "key-stuck");
        var (user, device) = (Guid.NewGuid(), Guid.NewGuid());

        await host.PublishAsync(Stuck(InsightsHost.TenantA, user, device, host.Time.GetUtcNow()));
        await Eventually.Async(() => Task.FromResult(receiver.Requests.Count == 1));
        await host.PublishAsync(Stuck(InsightsHost.TenantA, user, device, host.Time.GetUtcNow().AddHours(1)));
        await host.PublishAsync(Recovered(InsightsHost.TenantA, user, device, host.Time.GetUtcNow().AddHours(2)));
        await Eventually.Async(() => Task.FromResult(receiver.Requests.Count >= 2));
        await Task.Delay(500);

        var requests = receiver.Requests.ToList();
        Assert.Equal(["opened", "resolved"], requests.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("event").GetString()));
        var texts = receiver.Notifications().Select(n => n.Text).ToList();
        Assert.StartsWith("Key of ada@contoso.test has waited 3:00:00 for AD", texts[0], StringComparison.Ordinal);
        Assert.Equal("Key of ada@contoso.test reached AD after 4:00:00", texts[1]);
        Assert.All(requests, r => Assert.True(WebhookSignature.Verify(WebhookClient.Secret,
            long.Parse(r.Headers[WebhookSignature.TimestampHeader]), r.Body, r.Headers[WebhookSignature.Header])));
        Assert.False(WebhookSignature.Verify("another-secret-0123456789", long.Parse(requests[0].Headers[WebhookSignature.TimestampHeader]),
            requests[0].Body, requests[0].Headers[WebhookSignature.Header]));
    }

    [Fact]
    public async Task A_failed_delivery_is_retried_with_backoff_only_when_due()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailNext = 2;
        var webhook = await host.RegisterAsync(InsightsHost.TenantB, receiver, "pipeline-stalled");

        // The clock moves only once the dispatcher recorded the attempt: it takes the next attempt's time from the
        // clock after the receiver answered, so advancing in between would push the retry out by the advance.
        Task Recorded(int attempts) => Eventually.Async(async () => await host.ScalarAsync(
            "SELECT count(*) FROM alert_deliveries WHERE webhook_id = @w AND attempts = @a", ("w", webhook), ("a", attempts)) == 1);
        await host.PublishAsync(new SyncPipelineStalled(Guid.NewGuid(), InsightsHost.TenantB, host.Time.GetUtcNow(), null, 12));
        await Eventually.Async(() => Task.FromResult(receiver.Requests.Count == 1));
        await Recorded(1);
        await Task.Delay(1000);
        Assert.Single(receiver.Requests);

        host.Time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.Async(() => Task.FromResult(receiver.Requests.Count == 2));
        await Recorded(2);
        host.Time.Advance(TimeSpan.FromSeconds(10));
        await Task.Delay(1000);
        Assert.Equal(2, receiver.Requests.Count);
        host.Time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.Async(() => Task.FromResult(receiver.Requests.Count == 3));

        await Eventually.Async(async () => await host.ScalarAsync(
            "SELECT count(*) FROM alert_deliveries WHERE status = 'delivered' AND attempts = 3 AND event = 'opened'") >= 1);
        Assert.Single(receiver.Requests.Select(r => r.Headers[WebhookSignature.DeliveryHeader]).Distinct());
    }

    [Fact]
    public async Task Teams_and_Slack_webhooks_get_their_own_message_shapes()
    {
        await using var teams = await WebhookReceiver.StartAsync();
        await using var slack = await WebhookReceiver.StartAsync();
        await host.RegisterAsync(InsightsHost.TenantA, teams, "rollout-halted", "teams");
        await host.RegisterAsync(InsightsHost.TenantA, slack, "rollout-halted", "slack");
        var rollout = Guid.NewGuid();

        await host.PublishAsync(Halted(InsightsHost.TenantA, rollout, host.Time.GetUtcNow()));
        await Eventually.Async(() => Task.FromResult(teams.Requests.Count == 1 && slack.Requests.Count == 1));
        await host.PublishAsync(Resumed(InsightsHost.TenantA, rollout, host.Time.GetUtcNow().AddHours(1)));
        await Eventually.Async(() => Task.FromResult(teams.Requests.Count == 2 && slack.Requests.Count == 2));

        var card = JsonDocument.Parse(teams.Requests.First().Body).RootElement;
        Assert.Equal("MessageCard", card.GetProperty("@type").GetString());
        Assert.Contains("Pilot", card.GetProperty("title").GetString());
        Assert.Equal("Ring 0: too many failures", card.GetProperty("text").GetString());
        Assert.Equal("Resumed by admin", JsonDocument.Parse(teams.Requests.Last().Body).RootElement.GetProperty("text").GetString());
        var message = JsonDocument.Parse(slack.Requests.Last().Body).RootElement;
        Assert.StartsWith("[resolved]", message.GetProperty("text").GetString());
        Assert.Equal("good", message.GetProperty("attachments")[0].GetProperty("color").GetString());
    }

    [Fact]
    public async Task A_pending_delivery_survives_a_restart_of_the_service()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailAll = true;
        await host.RegisterAsync(InsightsHost.TenantB, receiver, "gpo-conflict");

        await host.PublishAsync(new GpoConflictDetected(Guid.NewGuid(), Rollout(InsightsHost.TenantB, Guid.NewGuid(), 0), Guid.NewGuid(), "PC-GPO",
            [new Contracts.Devices.PolicySettingValue(Contracts.Devices.PolicyScope.ComputerGpo, "Enabled", "0", null)], host.Time.GetUtcNow()));
        await Eventually.Async(() => Task.FromResult(receiver.Requests.Count == 1));
        await host.RestartAsync();
        receiver.FailAll = false;
        host.Time.Advance(TimeSpan.FromMinutes(1));

        await Eventually.Async(() => Task.FromResult(receiver.Requests.Count == 2));
        Assert.Contains("PC-GPO", receiver.Requests.Last().Body);
    }
}
