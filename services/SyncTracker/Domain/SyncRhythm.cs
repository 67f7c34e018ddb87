namespace Whfb.SyncTracker.Domain;

/// <summary>
/// The export rhythm read from when keys were seen arriving in AD: arrivals closer than a few minutes form one
/// burst (one Entra Connect export); the median gap between bursts is the observed cycle. The next export is
/// predicted one observed cycle after the last burst (stepping on while that lies in the past).
/// </summary>
public static class SyncRhythm
{
    private static readonly TimeSpan BurstGap = TimeSpan.FromMinutes(5);

    public static (TimeSpan Cycle, DateTimeOffset NextExport) Estimate(IEnumerable<DateTimeOffset> arrivals, TimeSpan configuredCycle, DateTimeOffset now)
    {
        var bursts = new List<DateTimeOffset>();
        foreach (var at in arrivals.Order())
        {
            if (bursts.Count == 0 || at - bursts[^1] > BurstGap)
            {
                bursts.Add(at);
            }
        }

        var gaps = bursts.Zip(bursts.Skip(1), (a, b) => b - a).Order().ToList();
        var cycle = gaps.Count == 0 ? configuredCycle : gaps[gaps.Count / 2];
        var next = bursts.Count == 0 ? now + cycle : bursts[^1] + cycle;
        while (next <= now)
        {
            next += cycle;
        }

        return (cycle, next);
    }

    /// <summary>The p-th percentile (0..1) of sorted values by nearest rank; null when empty.</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
