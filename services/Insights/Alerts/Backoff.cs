namespace Whfb.Insights.Alerts;

public static class Backoff
{
    /// <summary>Delay before the retry that follows attempt <paramref name="attempts"/> (1-based): first, 2x, 4x... capped.</summary>
    public static TimeSpan After(int attempts, AlertOptions options) =>
        TimeSpan.FromSeconds(Math.Min(options.MaxBackoffSeconds, options.FirstBackoffSeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
