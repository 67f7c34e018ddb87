namespace Whfb.Contracts.Policy;

public sealed record RolloutStarted(Guid EventId, RolloutReference Rollout, int RingCount, string StartedBy, DateTimeOffset At);
