using Whfb.Contracts.Policy;

namespace Whfb.Policy.Model;

public enum RingState
{
    Pending,
    Assigned,
    Passed,
    Overridden,
}

/// <summary>One ring of a rollout: an Entra security group and the gate it must pass.</summary>
public sealed class RolloutRing
{
    public Guid RolloutId { get; set; }

    public int Index { get; set; }

    public required string Name { get; set; }

    public Guid GroupId { get; set; }

    public required RingGate Gate { get; set; }

    public RingState State { get; set; }

    public DateTimeOffset? AssignedAt { get; set; }

    /// <summary>Member users (Graph object ids, lower case) at assignment: events naming only a user match through them.</summary>
    public List<string> MemberUserIds { get; set; } = [];

    /// <summary>Member users' UPNs, lower case.</summary>
    public List<string> MemberUpns { get; set; } = [];

    /// <summary>The verdict with which the ring was left (passed or overridden).</summary>
    public GateVerdict? FinalVerdict { get; set; }

    public string? OverrideJustification { get; set; }

    public string? OverriddenBy { get; set; }
}
