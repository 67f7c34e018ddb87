namespace Whfb.Contracts.Policy;

/// <summary>
/// The Intune policy was assigned to a ring's group: "policy assigned", the first step of the enrollment funnel,
/// for every device listed (transitive members of the group at assignment time).
/// </summary>
public sealed record RingAssigned(
    Guid EventId, RolloutReference Rollout, string IntunePolicyId, IReadOnlyList<Guid> DeviceIds, string AssignedBy, DateTimeOffset At);
