namespace Whfb.Contracts.Policy;

/// <summary>An operator aborted the rollout; the policy's assignments were removed.</summary>
public sealed record RolloutAborted(Guid EventId, RolloutReference Rollout, string By, string Reason, DateTimeOffset At);
