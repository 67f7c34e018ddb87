namespace Whfb.Contracts.Keys;

/// <summary>
/// No key has synced for two cycles while keys are waiting (scheduler disabled, staging mode, broken export).
/// Raised once per episode.
/// </summary>
public sealed record SyncPipelineStalled(
    Guid EventId, Guid TenantId, DateTimeOffset DetectedAt, DateTimeOffset? LastKeySyncedAt, int KeysWaiting);
