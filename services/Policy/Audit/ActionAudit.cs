using Whfb.Policy.Infrastructure;

namespace Whfb.Policy.Audit;

public static class ActionAudit
{
    public const string ActionKind = "action";
    public const string GraphKind = "graph";

    /// <summary>Adds an action entry to the context: it commits with the change it describes.</summary>
    public static void Record(this PolicyDbContext db, Guid? tenantId, Guid? rolloutId, string actor, string action, string? detail, DateTimeOffset at) =>
        db.Add(new AuditEntry
        {
            TenantId = tenantId,
            RolloutId = rolloutId,
            At = at,
            Actor = actor,
            Kind = ActionKind,
            Action = action,
            Detail = detail,
        });
}
