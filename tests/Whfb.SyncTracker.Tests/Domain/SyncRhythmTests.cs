using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Tests.Domain;

public sealed class SyncRhythmTests
{
    private static readonly DateTimeOffset T0 = EngineScenario.Start;

    [Fact]
    public void Observed_export_bursts_give_the_cycle_and_the_next_export()
    {
        // Exports every 40 minutes, several keys arriving within a minute or two of each.
        var arrivals = Enumerable.Range(0, 5).SelectMany(i => new[] { T0.AddMinutes(40 * i), T0.AddMinutes((40 * i) + 2) });
        var (cycle, next) = SyncRhythm.Estimate(arrivals, TimeSpan.FromMinutes(30), T0.AddMinutes(175));

        Assert.Equal(TimeSpan.FromMinutes(40), cycle);
        Assert.Equal(T0.AddMinutes(200), next);
    }

    [Fact]
    public void Without_observations_the_configured_cycle_is_used()
    {
        var (cycle, next) = SyncRhythm.Estimate([], TimeSpan.FromMinutes(30), T0);

        Assert.Equal(TimeSpan.FromMinutes(30), cycle);
        Assert.Equal(T0.AddMinutes(30), next);
    }

    [Theory]
    [InlineData(0.5, 3)]
    [InlineData(0.95, 5)]
    [InlineData(0.0, 1)]
    public void Percentile_is_the_nearest_rank(double p, double expected) =>
        Assert.Equal(expected, SyncRhythm.Percentile([1, 2, 3, 4, 5], p));
}
