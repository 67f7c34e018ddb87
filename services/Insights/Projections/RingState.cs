namespace Whfb.Insights.Projections;

/// <summary>Current state of one ring of a rollout; <see cref="RingIndex"/> -1 is the rollout itself.</summary>
public sealed class RingState
{
    public Guid TenantId { get; init; }
    public Guid RolloutId { get; init; }
    public int RingIndex { get; init; }
    public string RolloutName { get; set; } = "";
    public string Status { get; set; } = "";
    public int Devices { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? AssignedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
