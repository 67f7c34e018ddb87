namespace Whfb.ServiceDefaults.Retries;

/// <summary>
/// The one capped exponential backoff: <c>first × 2^exponent</c>, never more than <c>longest</c>. Callers choose the
/// exponent (0 for the first retry) and the bounds; a negative exponent counts as 0.
/// </summary>
public static class ExponentialBackoff
{
    public static TimeSpan Delay(TimeSpan first, TimeSpan longest, int exponent) =>
        // In doubles, a large exponent saturates to infinity and the cap wins, instead of overflowing a long.
        TimeSpan.FromTicks((long)Math.Min(longest.Ticks, first.Ticks * Math.Pow(2, Math.Max(0, exponent))));
}
