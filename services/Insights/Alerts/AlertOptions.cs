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

    /// <summary>Webhooks may post to loopback receivers (and over http to them): the demo's and tests' local listeners only.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Internal ranges (CIDR) webhooks may reach anyway, e.g. an on-premises chat gateway: "10.20.0.5/32".</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Webhooks a tenant may register.</summary>
    public int MaxWebhooksPerTenant { get; set; } = 20;

    /// <summary>Notifications posted at once, over all tenants.</summary>
    public int MaxParallelDeliveries { get; set; } = 16;

    /// <summary>Notifications of one tenant posted at once: one tenant's slow receivers cannot hold up the others'.</summary>
    public int MaxParallelPerTenant { get; set; } = 2;

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
