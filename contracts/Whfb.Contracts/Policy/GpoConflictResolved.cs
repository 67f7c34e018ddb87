namespace Whfb.Contracts.Policy;

/// <summary>The device no longer has the conflicting Group Policy values; closes the conflict episode.</summary>
public sealed record GpoConflictResolved(Guid EventId, RolloutReference Rollout, Guid DeviceId, DateTimeOffset At);
