namespace Whfb.Contracts.Policy;

/// <summary>A ring's gate passed (or was overridden) and the rollout moved to the next ring.</summary>
public sealed record RingAdvanced(Guid EventId, RolloutReference Rollout, GateVerdict Verdict, string? OverrideJustification, string By, DateTimeOffset At);
