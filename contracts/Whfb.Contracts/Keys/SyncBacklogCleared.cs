namespace Whfb.Contracts.Keys;

/// <summary>No key waits past its threshold because of the backlog any more; closes the backlog episode.</summary>
/// <param name="KeysWaiting">Keys still waiting for AD (within their threshold, or for reasons of their own).</param>
public sealed record SyncBacklogCleared(
    Guid EventId, Guid TenantId, DateTimeOffset BacklogSince, DateTimeOffset ClearedAt, int KeysWaiting);
