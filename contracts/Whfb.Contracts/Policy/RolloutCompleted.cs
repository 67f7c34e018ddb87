namespace Whfb.Contracts.Policy;

public sealed record RolloutCompleted(Guid EventId, RolloutReference Rollout, DateTimeOffset At);
