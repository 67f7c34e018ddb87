namespace Whfb.Policy;

/// <summary>Bound from the "Policy" configuration section.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>How often the gate loop evaluates the current ring of every running rollout.</summary>
    public TimeSpan GateInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The actor recorded for what the gate loop does on its own (automatic advance, halt).</summary>
    public string GateActor { get; set; } = "policy-gate";

    /// <summary>Repeats of a refused write within this window are audited as one row when it closes.</summary>
    public TimeSpan RefusedAuditWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Distinct kinds of refused writes (who, request, status) audited per window; beyond, they are only counted.</summary>
    public int RefusedAuditMaxKinds { get; set; } = 100;
}
