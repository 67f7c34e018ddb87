using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Domain.Engine;

namespace Whfb.SyncTracker.Tests.Domain.Engine;

/// <summary>The backlog's numbers and which keys it explains, on hand-made keys (default thresholds: 30-minute cycles, stuck after 75 minutes).</summary>
public sealed class BacklogMonitorTests
{
    private static readonly DateTimeOffset Now = EngineScenario.Start.AddHours(6);

    private readonly SyncThresholds thresholds = new();

    [Fact]
    public void Reads_throughput_arrivals_waiting_and_drain_time()
    {
        var monitor = new BacklogMonitor(thresholds);
        for (var i = 0; i < 400; i++)
        {
            monitor.Flow.Record(Now.AddMinutes(-50 + (i % 40)), Now.AddMinutes(-100));
        }

        var waiting = Keys(Now.AddMinutes(-90), 300).Concat(Keys(Now.AddMinutes(-20), 500)).ToList();

        var reading = monitor.Read(waiting, _ => false, Now);

        Assert.Equal(800, reading.Waiting);
        Assert.Equal(300, reading.Overdue);
        Assert.Equal(200, reading.KeysPerCycle);
        Assert.Equal(250, reading.ArrivingPerCycle);
        Assert.Equal(TimeSpan.FromMinutes(90), reading.OldestWaiting);
        Assert.Equal(TimeSpan.FromMinutes(120), reading.EstimatedDrain);
    }

    [Fact]
    public void Arrivals_outside_the_window_are_forgotten_and_without_arrivals_no_drain_time_is_estimated()
    {
        var monitor = new BacklogMonitor(thresholds);
        monitor.Flow.Record(Now.AddMinutes(-61), Now.AddMinutes(-100));

        var reading = monitor.Read(Keys(Now.AddMinutes(-80), 2), _ => false, Now);

        Assert.Equal(0, reading.KeysPerCycle);
        Assert.Null(reading.EstimatedDrain);
        Assert.Equal(2, reading.Overdue);
    }

    [Fact]
    public void A_key_older_by_a_cycle_than_one_in_AD_is_passed_over_and_with_a_key_its_user_explains_not_part_of_the_backlog()
    {
        var monitor = new BacklogMonitor(thresholds);
        monitor.Flow.Record(Now.AddMinutes(-5), Now.AddMinutes(-60));
        var passedOver = Keys(Now.AddMinutes(-90), 1).Single();
        var withinACycle = Keys(Now.AddMinutes(-89), 1).Single();
        var ownReason = Keys(Now.AddMinutes(-80), 1).Single();

        var reading = monitor.Read([passedOver, withinACycle, ownReason], k => k == ownReason, Now);

        Assert.True(monitor.PassedOver(passedOver));
        Assert.False(monitor.PassedOver(withinACycle));
        Assert.Equal((1, 1), (reading.Waiting, reading.Overdue));
    }

    [Fact]
    public void The_frontier_is_the_newest_creation_time_that_reached_AD_whatever_the_order_of_arrival()
    {
        var flow = new ExportFlow(TimeSpan.FromHours(1));
        flow.Record(Now, Now.AddMinutes(-10));
        flow.Record(Now, Now.AddMinutes(-40));

        Assert.Equal(Now.AddMinutes(-10), flow.Frontier);
    }

    private static IEnumerable<TrackedKey> Keys(DateTimeOffset created, int count) =>
        Enumerable.Range(0, count).Select(_ => new TrackedKey { Id = Guid.NewGuid(), State = KeyState.AwaitingAd, CreatedInEntraAt = created });
}
