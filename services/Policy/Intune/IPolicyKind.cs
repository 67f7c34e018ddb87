namespace Whfb.Policy.Intune;

/// <summary>One Intune resource kind holding the WHfB policy (settings catalog or custom OMA-URI).</summary>
internal interface IPolicyKind
{
    Task<string?> FindAsync(string name, CancellationToken ct);

    Task<string> CreateAsync(IntunePolicySpec spec, CancellationToken ct);

    /// <summary>Compares the stored settings with the spec's and rewrites them when they differ; true when repaired.</summary>
    Task<bool> RepairAsync(string id, IntunePolicySpec spec, CancellationToken ct);

    /// <summary>Replaces the assignments with exactly these groups (an empty list removes all).</summary>
    Task AssignAsync(string id, IReadOnlyCollection<Guid> groupIds, CancellationToken ct);

    Task<IReadOnlyList<Guid>> AssignedGroupsAsync(string id, CancellationToken ct);
}
