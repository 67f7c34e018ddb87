namespace Whfb.Insights.Alerts;

/// <summary>Bound from "Insights:Alerts".</summary>
public sealed class AlertOptions
{
    public const string Section = "Insights:Alerts";

    /// <summary>How often the dispatcher looks for due deliveries (real time).</summary>
    public int PollIntervalMs { get; set; } = 1000;

    /// <summary>Attempts before a delivery is given up as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>First retry delay; each further retry doubles it, up to <see cref="MaxBackoffSeconds"/>.</summary>
    public int FirstBackoffSeconds { get; set; } = 10;

    public int MaxBackoffSeconds { get; set; } = 3600;

    public int TimeoutSeconds { get; set; } = 10;

    /// <summary>
    /// How long a key-stuck alert folded into a pipeline alert may stay open after that pipeline recovered before it is
    /// unfolded and notified on its own: two default 30-minute sync cycles.
    /// </summary>
    public TimeSpan FoldedGrace { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long the resolve notification of a pipeline alert with folded keys waits, so that the recoveries of its keys
    /// (found in the same AD scan, but sent after the pipeline's recovery) are counted in its summary.
    /// </summary>
    public TimeSpan FoldSummaryDelay { get; set; } = TimeSpan.FromMinutes(1);
}
