using Whfb.Simulator.Fleet;

namespace Whfb.Simulator.Tests.Fleet;

public sealed class FleetClockTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly ScenarioTiming Timing = new() { DurationSeconds = 100, PolicyCheckInSeconds = 10, SignInSpreadSeconds = 20 };

    [Fact]
    public void Stops_at_the_duration_once_every_ring_has_had_its_sign_in_window()
    {
        var clock = new FleetClock(Timing, 2, Start);
        clock.Observe(2, Start.AddSeconds(50));

        Assert.True(clock.Running(Start.AddSeconds(99)));
        Assert.False(clock.Running(Start.AddSeconds(100)));
    }

    [Fact]
    public void A_late_ring_gets_check_in_plus_sign_in_time_and_a_missing_ring_is_waited_for_up_to_twice_the_duration()
    {
        var clock = new FleetClock(Timing, 3, Start);
        clock.Observe(2, Start.AddSeconds(95));

        Assert.True(clock.Running(Start.AddSeconds(150)));  // ring 3 not assigned yet
        clock.Observe(3, Start.AddSeconds(160));
        Assert.True(clock.Running(Start.AddSeconds(189)));
        Assert.False(clock.Running(Start.AddSeconds(190))); // 160 + 10 + 20
        Assert.False(new FleetClock(Timing, 3, Start).Running(Start.AddSeconds(200)));
    }

    [Fact]
    public void Devices_still_waiting_to_report_keep_it_running_until_the_maximum()
    {
        var clock = new FleetClock(Timing, 1, Start);
        clock.Observe(1, Start);

        Assert.True(clock.Running(Start.AddSeconds(150), waiting: 12));
        Assert.False(clock.Running(Start.AddSeconds(150), waiting: 0));
        Assert.False(clock.Running(Start.AddSeconds(200), waiting: 12));
    }
}
