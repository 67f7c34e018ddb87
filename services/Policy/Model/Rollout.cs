using Whfb.Contracts.Policy;
using Whfb.Policy.Intune;

namespace Whfb.Policy.Model;

/// <summary>A rollout plan and where it stands. <see cref="Version"/> (PostgreSQL xmin) guards concurrent actions.</summary>
public sealed class Rollout
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public required string Name { get; set; }

    public IntunePolicyMode Mode { get; set; }

    public bool UsePassportForWork { get; set; }

    public bool RequireSecurityDevice { get; set; }

    public WhfbScope Scope { get; set; }

    public RolloutState State { get; set; }

    /// <summary>0-based index of the ring being watched; -1 before start.</summary>
    public int CurrentRing { get; set; } = -1;

    public string? IntunePolicyId { get; set; }

    public string? HaltReason { get; set; }

    /// <summary>
    /// Completed rollouts only: the newer rollout of the same Intune policy whose start replaced this one's assignments.
    /// Until then the policy stays assigned to this rollout's rings and their devices' telemetry counts.
    /// </summary>
    public Guid? AssignmentsTakenOverBy { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }

    public List<RolloutRing> Rings { get; set; } = [];

    public RolloutRing Current => Rings.Single(r => r.Index == CurrentRing);

    public IntunePolicySpec Spec() => new(TenantId, Name, Mode, new WhfbSettings(UsePassportForWork, RequireSecurityDevice, Scope));

    public IntunePolicyHandle Policy() => new(IntunePolicyId ?? throw new InvalidOperationException("The rollout has no Intune policy yet"), Mode);

    public RolloutReference Reference(int? ring = null) =>
        new(TenantId, Id, Name, ring, ring is { } i ? Rings.Single(r => r.Index == i).GroupId : null);
}
