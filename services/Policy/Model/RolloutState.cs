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
    /// <summary>
    /// States in which the rollout still moves: operator actions and the gate loop act on it, the policy is assigned
    /// and telemetry of the ring devices counts. Telemetry also counts for a completed rollout (nothing acts on it any
    /// more, but completing unassigns nothing, so its devices keep the policy and a GPO conflict on them is still one)
    /// until a newer rollout of its Intune policy is started and replaces the assignments (Rollout.AssignmentsTakenOverBy;
    /// see Consumers/CountedRollouts).
    /// It never counts for a draft (never assigned) or an aborted one (abort removes every assignment).
    /// </summary>
    public static readonly RolloutState[] Live = [RolloutState.Running, RolloutState.Paused, RolloutState.Halted];
}
