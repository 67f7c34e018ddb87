using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Whfb.Contracts.Health;
using Whfb.GraphClient.Access;
using Whfb.ServiceDefaults.Outbox;
using Whfb.SyncTracker.Domain;
using Whfb.SyncTracker.Infrastructure;

namespace Whfb.SyncTracker.Graph.Access;

/// <summary>The open access episodes of the configured tenant in <c>graph_access_denials</c>, each change stored with its event (outbox) in one transaction.</summary>
public sealed class GraphAccessStore(IServiceScopeFactory scopes, IOptions<SyncTrackerOptions> tracker)
{
    private const int MessageLength = 1024;

    private Guid Tenant => tracker.Value.TenantId;

    public Task OpenAsync(MissingAccess missing, CancellationToken cancellationToken) => InTransactionAsync((db, outbox) =>
    {
        db.Add(new GraphAccessRecord
        {
            TenantId = Tenant, Feature = missing.Feature.Name, Kind = missing.Denial.Kind, Code = missing.Denial.Code,
            Message = missing.Denial.Message.Length > MessageLength ? missing.Denial.Message[..MessageLength] : missing.Denial.Message,
            Since = missing.Since,
        });
        outbox.Enqueue(new GraphPermissionMissing(EventIds.For($"graph-permission-missing|{missing.Feature.Name}", Tenant, missing.Since),
            Tenant, missing.Feature.Service, missing.Feature.Name, missing.Remedy, missing.Denial.ToString(), missing.Since));
        return Task.CompletedTask;
    }, cancellationToken);

    public Task CloseAsync(GraphAccessChange change, CancellationToken cancellationToken) => InTransactionAsync(async (db, outbox) =>
    {
        await db.Set<GraphAccessRecord>().Where(r => r.TenantId == Tenant && r.Feature == change.Feature.Name).ExecuteDeleteAsync(cancellationToken);
        outbox.Enqueue(new GraphPermissionRestored(EventIds.For($"graph-permission-restored|{change.Feature.Name}", Tenant, change.Missing.Since),
            Tenant, change.Feature.Service, change.Feature.Name, change.Missing.Since, change.At));
    }, cancellationToken);

    public async Task<IReadOnlyList<MissingAccess>> OpenEpisodesAsync(IReadOnlyList<GraphFeature> features, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<SyncTrackerDbContext>().Set<GraphAccessRecord>().AsNoTracking()
            .Where(r => r.TenantId == Tenant).ToListAsync(cancellationToken);
        return [.. rows.Select(r => (Row: r, Feature: features.FirstOrDefault(f => f.Name == r.Feature)))
            .Where(r => r.Feature is not null)
            .Select(r => new MissingAccess(r.Feature!, new GraphDenial(r.Row.Kind, r.Row.Code, r.Row.Message), r.Row.Since))];
    }

    private async Task InTransactionAsync(Func<SyncTrackerDbContext, IOutbox, Task> work, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SyncTrackerDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work(db, scope.ServiceProvider.GetRequiredService<IOutbox>());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
