namespace Whfb.Contracts.Policy;

/// <summary>Closes a halt (or pause) episode.</summary>
public sealed record RolloutResumed(Guid EventId, RolloutReference Rollout, string By, DateTimeOffset At);
