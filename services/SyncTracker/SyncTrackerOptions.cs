using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker;

/// <summary>Bound from the "SyncTracker" configuration section.</summary>
public sealed class SyncTrackerOptions
{
    public const string Section = "SyncTracker";

    /// <summary>The Entra tenant whose directory and Graph this instance watches.</summary>
    public Guid TenantId { get; set; }

    /// <summary>Thresholds in sync cycles (cycle 30 min, stuck after 2 cycles + 15 min, ...).</summary>
    public SyncThresholds Thresholds { get; set; } = new();

    /// <summary>How often the clock visits waiting keys (stuck, orphaned, stalled).</summary>
    public TimeSpan EvaluateInterval { get; set; } = TimeSpan.FromMinutes(1);
}
