using Microsoft.Extensions.DependencyInjection;
using Whfb.Insights.Alerts;
using Whfb.Insights.Tests.Support;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.Alerts;

/// <summary>No silence: a folded key still stuck well after its pipeline recovered gets its own notifications.</summary>
[Collection(AlertsCollection.Name)]
public sealed class FoldedGraceTests(AlertsHost host)
{
    private AlertOptions Options => host.AlertOptions;

    private AlertDispatcher Dispatcher => host.Service.Services.GetRequiredService<AlertDispatcher>();

    [Fact]
    public async Task A_folded_key_still_stuck_past_the_grace_after_the_pipeline_recovered_is_notified_once_then_resolved()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (tenant, now) = (await host.NewTenantAsync(receiver), host.Time.GetUtcNow());
        var (_, stuck) = await host.StallAsync(tenant, now, 2);
        await host.PublishAsync(Recovery(stuck[0], now), PipelineRecovered(tenant, now.AddHours(-1), now));
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 2);
        host.Time.Advance(Options.FoldSummaryDelay);
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 2);
        Assert.EndsWith("It held up 2 keys past their threshold; 1 has reached AD, 1 still waiting.", receiver.Notifications()[^1].Text, StringComparison.Ordinal);

        host.Time.Advance(Options.FoldedGrace - Options.FoldSummaryDelay - TimeSpan.FromSeconds(1));
        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        Assert.Equal(1, await host.AlertsAsync(tenant, "a.folded_into IS NOT NULL AND a.resolved_at IS NULL"));
        Assert.Equal(2, receiver.Notifications().Count);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Dispatcher.DispatchDueAsync(CancellationToken.None)));
        await host.SettledAsync(tenant, "a.folded_into IS NULL AND a.kind = 'key-stuck'", 1);
        await Dispatcher.DispatchDueAsync(CancellationToken.None);
        var opened = receiver.Notifications()[2..];
        Assert.Equal("opened", Assert.Single(opened).Event);
        Assert.Contains($"Still stuck {Options.FoldedGrace:g} after the sync pipeline recovered ({now:u}).", opened[0].Text, StringComparison.Ordinal);

        await host.PublishAsync(Recovery(stuck[1], host.Time.GetUtcNow()));
        await host.SettledAsync(tenant, "a.resolved_at IS NOT NULL", 3);
        var resolved = receiver.Notifications()[3..];
        Assert.Equal("resolved", Assert.Single(resolved).Event);
        Assert.Contains("reached AD after", resolved[0].Text, StringComparison.Ordinal);
    }
}
