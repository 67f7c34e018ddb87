namespace Whfb.Contracts.Policy;

/// <summary>A ring's gate failed: the rollout stops until an operator resumes or overrides it.</summary>
public sealed record RolloutHalted(Guid EventId, RolloutReference Rollout, GateVerdict Verdict, string Reason, DateTimeOffset At);
