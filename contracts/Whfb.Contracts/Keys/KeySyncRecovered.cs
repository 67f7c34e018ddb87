namespace Whfb.Contracts.Keys;

/// <summary>A key that was stuck reached AD after all; closes the stuck episode.</summary>
public sealed record KeySyncRecovered(
    Guid EventId, KeyReference Key, DateTimeOffset StuckSince, DateTimeOffset ObservedInAdAt, TimeSpan Latency);
