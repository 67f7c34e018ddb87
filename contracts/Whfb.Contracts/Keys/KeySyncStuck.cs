namespace Whfb.Contracts.Keys;

/// <summary>A key has waited longer than the stuck threshold; raised once per episode.</summary>
public sealed record KeySyncStuck(
    Guid EventId, KeyReference Key, DateTimeOffset DetectedAt, TimeSpan WaitingFor, IReadOnlyList<StuckKeyHint> Hints);
