namespace Whfb.SyncTracker.Domain.Engine;

/// <summary>
/// The export's throughput against the keys waiting for it, at one moment.
/// </summary>
/// <param name="Waiting">Keys waiting that the backlog explains (no reason of their own, not passed over).</param>
/// <param name="Overdue">Of those, the keys past the stuck threshold.</param>
/// <param name="KeysPerCycle">Keys that reached AD per cycle, over the window.</param>
/// <param name="ArrivingPerCycle">Keys created in Entra per cycle, over the window.</param>
/// <param name="OldestWaiting">How long the oldest waiting key has waited.</param>
/// <param name="EstimatedDrain">Waiting keys at the current rate; null when nothing reached AD in the window.</param>
internal sealed record BacklogReading(
    int Waiting, int Overdue, double KeysPerCycle, double ArrivingPerCycle, TimeSpan OldestWaiting, TimeSpan? EstimatedDrain);
