namespace Whfb.SyncTracker.Domain;

/// <summary>
/// Every threshold of the key state machine, expressed in Entra Connect sync cycles (bound from "SyncTracker:Thresholds").
/// </summary>
public sealed record SyncThresholds
{
    /// <summary>Entra Connect's sync interval (default 30 minutes).</summary>
    public TimeSpan Cycle { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>A key waits this many cycles plus <see cref="StuckGrace"/> before it is stuck.</summary>
    public int StuckAfterCycles { get; init; } = 2;

    public TimeSpan StuckGrace { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>An AD value without a live Entra key is orphaned after this many cycles.</summary>
    public int OrphanGraceCycles { get; init; } = 1;

    /// <summary>No key synced for this many cycles while keys wait: the pipeline is stalled.</summary>
    public int StallAfterCycles { get; init; } = 2;

    /// <summary>How far apart the Entra creation time and the AD KeyCreationTime of one key may be.</summary>
    public TimeSpan CreationTolerance { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan StuckAfter => (Cycle * StuckAfterCycles) + StuckGrace;

    public TimeSpan OrphanGrace => Cycle * OrphanGraceCycles;

    public TimeSpan StallAfter => Cycle * StallAfterCycles;
}
