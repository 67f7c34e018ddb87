namespace Whfb.Policy.Intune;

/// <summary>The WHfB policy in Intune through Microsoft Graph: idempotent create/repair and group assignments.</summary>
public interface IIntunePolicyClient
{
    /// <summary>Finds the policy by name, creates it if missing and repairs drifted settings; idempotent.</summary>
    Task<EnsureResult> EnsureAsync(IntunePolicySpec spec, GraphCaller caller, CancellationToken ct);

    /// <summary>Makes the policy's group assignments exactly these groups (the caller passes all rings reached so far).</summary>
    Task AssignAsync(IntunePolicyHandle policy, IReadOnlyCollection<Guid> groupIds, GraphCaller caller, CancellationToken ct);

    Task RemoveAssignmentsAsync(IntunePolicyHandle policy, GraphCaller caller, CancellationToken ct);

    Task<IReadOnlyList<Guid>> AssignedGroupsAsync(IntunePolicyHandle policy, GraphCaller caller, CancellationToken ct);
}

/// <summary>Ring membership from Graph group members (transitive) and their users' Intune-managed PCs.</summary>
public interface IRingMembership
{
    Task<RingMembership> ResolveAsync(Guid groupId, GraphCaller caller, CancellationToken ct);
}

/// <summary>Implemented by the Policy service (persisted); the Intune layer calls it for every Graph request/response.</summary>
public interface IGraphAuditLog
{
    Task RecordAsync(GraphAuditEntry entry, CancellationToken ct);
}
