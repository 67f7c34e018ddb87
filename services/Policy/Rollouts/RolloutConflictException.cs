namespace Whfb.Policy.Rollouts;

/// <summary>The action does not fit the rollout's state (answered 409).</summary>
public sealed class RolloutConflictException(string message) : Exception(message);
