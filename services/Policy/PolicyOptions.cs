namespace Whfb.Policy;

/// <summary>Bound from the "Policy" configuration section.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>How often the gate loop evaluates the current ring of every running rollout.</summary>
    public TimeSpan GateInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The actor recorded for what the gate loop does on its own (automatic advance, halt).</summary>
    public string GateActor { get; set; } = "policy-gate";
}
