using Whfb.Policy.Infrastructure;
using Whfb.Policy.Intune;

namespace Whfb.Policy.Audit;

/// <summary>
/// Stores every Graph request and response the Intune layer makes, with who asked, in a context of its own: the call
/// happened whatever becomes of the action that made it.
/// </summary>
public sealed class GraphAuditLog(IServiceScopeFactory scopes) : IGraphAuditLog
{
    public async Task RecordAsync(GraphAuditEntry entry, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PolicyDbContext>();
        db.Add(new AuditEntry
        {
            TenantId = entry.TenantId == Guid.Empty ? null : entry.TenantId,
            RolloutId = entry.RolloutId,
            At = entry.At,
            Actor = entry.Actor,
            Kind = ActionAudit.GraphKind,
            Action = entry.Method,
            Detail = entry.Url,
            RequestBody = entry.RequestBody,
            StatusCode = entry.StatusCode,
            ResponseBody = entry.ResponseBody,
            DurationMs = entry.Duration.TotalMilliseconds,
        });
        await db.SaveChangesAsync(ct);
    }
}
