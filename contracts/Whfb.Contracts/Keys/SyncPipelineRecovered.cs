namespace Whfb.Contracts.Keys;

/// <summary>Keys sync again after a stall; closes the stall episode.</summary>
public sealed record SyncPipelineRecovered(
    Guid EventId, Guid TenantId, DateTimeOffset StalledSince, DateTimeOffset RecoveredAt, int KeysWaiting);
