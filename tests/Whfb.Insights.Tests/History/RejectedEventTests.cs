using Whfb.Insights.Tests.Support;
using Whfb.Testing;
using Xunit;
using static Whfb.Insights.Tests.Support.Events;

namespace Whfb.Insights.Tests.History;

/// <summary>An event the history cannot take is kept aside with its reason, and never fails the events written with it.</summary>
[Collection(InsightsCollection.Name)]
public sealed class RejectedEventTests(InsightsHost host)
{
    [Fact]
    public async Task An_event_PostgreSQL_refuses_is_rejected_alone_and_the_other_tenants_events_of_its_message_are_written()
    {
        var (innocentA, poisoned, innocentB) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        var poison = Readiness(InsightsHost.TenantB, poisoned, true, now);
        poison = poison with { Header = poison.Header with { DeviceName = "PC-\u0000-EVIL" } };

        await host.PublishAsync(Readiness(InsightsHost.TenantA, innocentA, true, now), poison, Readiness(InsightsHost.TenantB, innocentB, true, now));

        await Eventually.Async(async () => await Rows("history", innocentA) == 1 && await Rows("history", innocentB) == 1);
        await Eventually.Async(async () => await host.ScalarAsync(
            "SELECT count(*) FROM history_rejected WHERE event_id = @e AND reason LIKE 'PostgreSQL refused it: 22%' AND payload LIKE '%\\u0000%'",
            ("e", poison.Header.EventId)) == 1);
        Assert.Equal(0, await Rows("history", poisoned));
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM device_state WHERE device_id = @d AND prereqs_passed_at IS NOT NULL", ("d", innocentB)));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1901, 6, 1)]
    [InlineData(2099, 1, 1)]
    public async Task An_event_outside_the_history_window_is_rejected_and_creates_no_partition(int year, int month, int day)
    {
        var device = Guid.NewGuid();
        var at = new DateTimeOffset(year, month, day, 8, 0, 0, TimeSpan.Zero);
        var ancient = Readiness(InsightsHost.TenantA, device, true, at);

        await host.PublishAsync(ancient, Readiness(InsightsHost.TenantA, Guid.NewGuid(), true, DateTimeOffset.UtcNow));

        await Eventually.Async(async () => await host.ScalarAsync(
            "SELECT count(*) FROM history_rejected WHERE event_id = @e AND reason LIKE '%outside the history window%'", ("e", ancient.Header.EventId)) == 1);
        Assert.Equal(0, await host.ScalarAsync($"SELECT count(*) FROM pg_class WHERE relname = 'history_{at:yyyy_MM}'"));
        Assert.Equal(0, await host.ScalarAsync("SELECT count(*) FROM device_state WHERE device_id = @d", ("d", device)));
    }

    private Task<long> Rows(string table, Guid device) => host.ScalarAsync($"SELECT count(*) FROM {table} WHERE device_id = @d", ("d", device));
}
