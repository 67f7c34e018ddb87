namespace Whfb.Contracts.Policy;

/// <summary>Which rollout (and ring) an event is about.</summary>
/// <param name="RingIndex">0-based ring position; null for rollout-wide events.</param>
public sealed record RolloutReference(Guid TenantId, Guid RolloutId, string RolloutName, int? RingIndex, Guid? RingGroupId);
