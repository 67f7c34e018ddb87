using Whfb.SyncTracker.Tracking;

namespace Whfb.SyncTracker.Graph;

/// <summary>
/// Reads the organization object (organization-get) for the second stall signal: whether directory sync is on and when
/// Entra Connect last synced (onPremisesLastSyncDateTime), handed to the engine.
/// </summary>
internal sealed class SyncStatusReader(SyncCoordinator coordinator, GraphGateway gateway, Guid tenantId)
{
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        var organization = (await gateway.OrganizationAsync(cancellationToken))?.Value?.FirstOrDefault();
        await coordinator.RunAsync(tenantId, (engine, _, _) =>
        {
            engine.ObserveOnPremisesSync(organization?.OnPremisesSyncEnabled, organization?.OnPremisesLastSyncDateTime);
            return Task.FromResult(true);
        }, cancellationToken);
    }
}
