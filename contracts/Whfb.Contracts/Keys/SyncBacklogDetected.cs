namespace Whfb.Contracts.Keys;

/// <summary>
/// Keys wait past their threshold while Entra Connect still exports: its throughput, not a stop, holds them back.
/// Raised once per episode, with the numbers that explain it.
/// </summary>
/// <param name="KeysPerCycle">Keys that reached AD per sync cycle, over the recent window.</param>
/// <param name="KeysArrivingPerCycle">Keys created in Entra ID per sync cycle, over the same window.</param>
/// <param name="KeysWaiting">Keys waiting for AD that the backlog explains.</param>
/// <param name="OldestWaiting">How long the oldest of them has waited.</param>
/// <param name="EstimatedDrain">At the current rate, when the last of them reaches AD (null when nothing reached AD in the window).</param>
public sealed record SyncBacklogDetected(
    Guid EventId, Guid TenantId, DateTimeOffset DetectedAt, double KeysPerCycle, double KeysArrivingPerCycle, int KeysWaiting,
    TimeSpan OldestWaiting, TimeSpan? EstimatedDrain, TimeSpan Cycle);
