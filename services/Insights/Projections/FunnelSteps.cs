namespace Whfb.Insights.Projections;

/// <summary>
/// Sets a device's funnel step the first time it is reached and counts it in the daily funnel rollup under the
/// device's dimensions (ring, domain, model). Later repeats of a step change nothing; when a dimension becomes known
/// later (the domain arrives after the first steps), the device's counted steps move to the new dimensions.
/// </summary>
public static class FunnelSteps
{
    public static void PolicyAssigned(ProjectionSet set, DeviceState d, DateTimeOffset at)
    {
        if (d.PolicyAssignedAt is null)
        {
            d.PolicyAssignedAt = at;
            Count(set, d, at, new FunnelCounts(1, 0, 0, 0));
        }
    }

    public static void PrereqsPassed(ProjectionSet set, DeviceState d, DateTimeOffset at)
    {
        if (d.PrereqsPassedAt is null)
        {
            d.PrereqsPassedAt = at;
            Count(set, d, at, new FunnelCounts(0, 1, 0, 0));
        }
    }

    public static void KeyRegistered(ProjectionSet set, DeviceState d, DateTimeOffset at)
    {
        if (d.KeyRegisteredAt is null)
        {
            d.KeyRegisteredAt = at;
            Count(set, d, at, new FunnelCounts(0, 0, 1, 0));
        }
    }

    /// <summary>Key in AD: the user can reach on-prem resources; also counts the time to on-prem access (hours).</summary>
    public static void KeyInAd(ProjectionSet set, DeviceState d, DateTimeOffset at)
    {
        if (d.KeyInAdAt is not null)
        {
            return;
        }

        d.KeyInAdAt = at;
        Count(set, d, at, new FunnelCounts(0, 0, 0, 1));
        if ((d.PolicyAssignedAt ?? d.PrereqsPassedAt) is { } start && at >= start)
        {
            RollupDeltas.AddCount(set.Deltas.Access, new HistogramKey(d.TenantId, Day(at), (int)(at - start).TotalHours));
        }
    }

    public static void ChangeDimensions(ProjectionSet set, DeviceState d, Action<DeviceState> change)
    {
        var before = Dimensions(d);
        change(d);
        var after = Dimensions(d);
        if (before != after)
        {
            (d.RolloutId, d.RingIndex, d.Domain, d.DeviceModel) = before;
            CountSteps(set, d, -1);
            (d.RolloutId, d.RingIndex, d.Domain, d.DeviceModel) = after;
            CountSteps(set, d, 1);
        }
    }

    private static (Guid?, int?, string?, string?) Dimensions(DeviceState d) => (d.RolloutId, d.RingIndex, d.Domain, d.DeviceModel);

    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static void CountSteps(ProjectionSet set, DeviceState d, int sign)
    {
        (DateTimeOffset? At, FunnelCounts Counts)[] steps =
        [
            (d.PolicyAssignedAt, new FunnelCounts(sign, 0, 0, 0)), (d.PrereqsPassedAt, new FunnelCounts(0, sign, 0, 0)),
            (d.KeyRegisteredAt, new FunnelCounts(0, 0, sign, 0)), (d.KeyInAdAt, new FunnelCounts(0, 0, 0, sign)),
        ];
        foreach (var (at, counts) in steps.Where(s => s.At is not null))
        {
            Count(set, d, at!.Value, counts);
        }
    }

    private static void Count(ProjectionSet set, DeviceState d, DateTimeOffset at, FunnelCounts counts) =>
        set.Deltas.AddFunnel(
            new FunnelKey(d.TenantId, Day(at), d.RolloutId ?? Guid.Empty, d.RingIndex ?? -1, d.Domain ?? "", d.DeviceModel ?? ""),
            counts);
}
