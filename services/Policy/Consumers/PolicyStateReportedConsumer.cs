using MassTransit;
using Microsoft.EntityFrameworkCore;
using Whfb.Contracts.Devices;
using Whfb.Contracts.Policy;
using Whfb.Policy.Infrastructure;
using Whfb.Policy.Model;
using Whfb.ServiceDefaults.Outbox;

namespace Whfb.Policy.Consumers;

/// <summary>
/// A device's PassportForWork registry state. Values set by Group Policy on a targeted device are a conflict (GPO wins,
/// Intune is ignored): GpoConflictDetected when it appears, GpoConflictResolved when it goes; older reports are ignored.
/// </summary>
public sealed class PolicyStateReportedConsumer(OutcomeRecorder recorder, PolicyDbContext db, IOutbox outbox) : IConsumer<DeviceEventBatch<PolicyStateReported>>
{
    public Task Consume(ConsumeContext<DeviceEventBatch<PolicyStateReported>> context) => recorder.RecordEachAsync(
        context.Message.Events, m => new DeviceSubject(m.TenantId, m.DeviceId, null, null, null), m => m.EventId, "policy-policy-state-reported",
        (m, rows) => ApplyAsync(m, rows, context.CancellationToken), context.CancellationToken);

    private async Task ApplyAsync(PolicyStateReported m, IReadOnlyList<DeviceOutcome> rows, CancellationToken cancellationToken)
    {
        var gpo = m.Values.Where(v => v.Scope is PolicyScope.ComputerGpo or PolicyScope.UserGpo).ToList();
        var ids = rows.Select(r => r.RolloutId).ToList();
        var rollouts = await db.Set<Rollout>().AsNoTracking().Include(r => r.Rings).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        foreach (var row in rows.Where(r => r.PolicyStateAt is null || m.CollectedAt >= r.PolicyStateAt))
        {
            row.PolicyStateAt = m.CollectedAt;
            var reference = rollouts[row.RolloutId].Reference(row.RingIndex);
            if (gpo.Count > 0 && row.GpoValues is null)
            {
                outbox.Enqueue(new GpoConflictDetected(Guid.CreateVersion7(m.CollectedAt), reference, m.DeviceId, row.DeviceName, gpo, m.CollectedAt));
            }
            else if (gpo.Count == 0 && row.GpoValues is not null)
            {
                outbox.Enqueue(new GpoConflictResolved(Guid.CreateVersion7(m.CollectedAt), reference, m.DeviceId, m.CollectedAt));
            }

            row.GpoValues = gpo.Count > 0 ? gpo : null;
        }
    }
}
