namespace Whfb.Contracts.Keys;

/// <summary>A key has waited longer than the stuck threshold; raised once per episode.</summary>
/// <param name="OwnCause">
/// True: the key waits for a reason of its own (a user-specific hint confirmed, or the export passed it over); false: only
/// the pipeline (a stall, a backlog, or nothing known yet) explains it, whatever weaker hints about its user say; null
/// from senders before this field: judged by the hints.
/// </param>
public sealed record KeySyncStuck(
    Guid EventId, KeyReference Key, DateTimeOffset DetectedAt, TimeSpan WaitingFor, IReadOnlyList<StuckKeyHint> Hints, bool? OwnCause = null);
