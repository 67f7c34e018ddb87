using Whfb.GraphClient.Access;

namespace Whfb.Policy.Intune;

/// <summary>
/// <see cref="IIntunePolicyClient"/> over Microsoft Graph. Serves only the tenant of the Graph connection; every call
/// runs inside a <see cref="GraphCallScope"/> so the audit handler records who asked, and as the
/// <see cref="GraphFeatures.IntunePolicy"/> feature, so a missing permission or licence stops it with its reason.
/// </summary>
internal sealed class IntunePolicyClient(IntuneGraph graph, GraphAccessGuard guard) : IIntunePolicyClient
{
    private readonly SettingsCatalogPolicies _catalog = new(graph);
    private readonly CustomOmaUriPolicies _omaUri = new(graph);

    public async Task<EnsureResult> EnsureAsync(IntunePolicySpec spec, GraphCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name);
        RequireTenant(spec.TenantId, nameof(spec));
        using var scope = Begin(caller);
        var kind = Kind(spec.Mode);
        return await guard.RunAsync(GraphFeatures.IntunePolicy, async () =>
        {
            if (await kind.FindAsync(spec.Name, ct) is { } existing)
            {
                var repaired = await kind.RepairAsync(existing, spec, ct);
                return new EnsureResult(new IntunePolicyHandle(existing, spec.Mode), Created: false, DriftRepaired: repaired);
            }

            var id = await kind.CreateAsync(spec, ct);
            return new EnsureResult(new IntunePolicyHandle(id, spec.Mode), Created: true, DriftRepaired: false);
        }, ct);
    }

    public async Task AssignAsync(IntunePolicyHandle policy, IReadOnlyCollection<Guid> groupIds, GraphCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(groupIds);
        using var scope = Begin(caller);
        var kind = Kind(policy.Mode);
        var wanted = groupIds.Distinct().ToList();
        await guard.RunAsync(GraphFeatures.IntunePolicy, async () =>
        {
            var current = await kind.AssignedGroupsAsync(policy.PolicyId, ct);
            if (current.Count != wanted.Count || !current.ToHashSet().SetEquals(wanted))
            {
                await kind.AssignAsync(policy.PolicyId, wanted, ct);
            }
        }, ct);
    }

    public Task RemoveAssignmentsAsync(IntunePolicyHandle policy, GraphCaller caller, CancellationToken ct) =>
        AssignAsync(policy, [], caller, ct);

    public async Task<IReadOnlyList<Guid>> AssignedGroupsAsync(IntunePolicyHandle policy, GraphCaller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(policy);
        using var scope = Begin(caller);
        return await guard.RunAsync(GraphFeatures.IntunePolicy, () => Kind(policy.Mode).AssignedGroupsAsync(policy.PolicyId, ct), ct);
    }

    private IDisposable Begin(GraphCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        RequireTenant(caller.TenantId, nameof(caller));
        return GraphCallScope.Begin(caller);
    }

    private void RequireTenant(Guid tenantId, string parameter)
    {
        if (tenantId != graph.Connection.TenantId)
        {
            throw new ArgumentException($"This Policy service manages tenant {graph.Connection.TenantId}, not {tenantId}.", parameter);
        }
    }

    private IPolicyKind Kind(IntunePolicyMode mode) => mode switch
    {
        IntunePolicyMode.SettingsCatalog => _catalog,
        IntunePolicyMode.CustomOmaUri => _omaUri,
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, "Unknown Intune policy mode."),
    };
}
