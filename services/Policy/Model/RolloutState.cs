namespace Whfb.Policy.Model;

/// <summary>draft → running → (paused | halted) → completed | aborted.</summary>
public enum RolloutState
{
    Draft,
    Running,
    Paused,
    Halted,
    Completed,
    Aborted,
}

public static class RolloutStates
{
    /// <summary>States in which the policy is assigned and telemetry of the ring devices counts.</summary>
    public static readonly RolloutState[] Live = [RolloutState.Running, RolloutState.Paused, RolloutState.Halted];
}
