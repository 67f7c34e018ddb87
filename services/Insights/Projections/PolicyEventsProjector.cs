using Whfb.Contracts.Policy;
using Whfb.Insights.Model;

namespace Whfb.Insights.Projections;

/// <summary>What rollout events (Policy) change: ring states, "policy assigned", halt and GPO-conflict alerts.</summary>
public static class PolicyEventsProjector
{
    public static bool TryApply(ProjectionSet set, HistoryRow row)
    {
        switch (row.Message)
        {
            case RolloutStarted m:
                Rollout(set, m.Rollout, m.At).Status = "running";
                return true;
            case RingAssigned m:
                var ring = Ring(set, m.Rollout, m.At);
                ring.Status = "assigned";
                ring.Devices = m.DeviceIds.Count;
                ring.AssignedAt ??= m.At;
                foreach (var id in m.DeviceIds)
                {
                    var d = set.Device(m.Rollout.TenantId, id, m.At);
                    FunnelSteps.ChangeDimensions(set, d, s =>
                    {
                        s.RolloutId ??= m.Rollout.RolloutId;
                        s.RingIndex ??= m.Rollout.RingIndex;
                    });
                    FunnelSteps.PolicyAssigned(set, d, m.At);
                }

                return true;
            case RingAdvanced m:
                Ring(set, m.Rollout, m.At).Status = "passed";
                return true;
            case RolloutHalted m:
                Status(set, m.Rollout, m.At, "halted", m.Reason);
                set.Deltas.Alerts.Add(new AlertChange(m.Rollout.TenantId, $"rollout-halted:{m.Rollout.RolloutId}", "rollout-halted", true,
                    $"Rollout halted: {m.Rollout.RolloutName}", $"Ring {m.Rollout.RingIndex}: {m.Reason}", m.At, null));
                return true;
            case RolloutResumed m:
                Status(set, m.Rollout, m.At, "running", null);
                set.Deltas.Alerts.Add(new AlertChange(m.Rollout.TenantId, $"rollout-halted:{m.Rollout.RolloutId}", "rollout-halted", false,
                    $"Rollout resumed: {m.Rollout.RolloutName}", $"Resumed by {m.By}", m.At, null));
                return true;
            case RolloutCompleted m:
                Rollout(set, m.Rollout, m.At).Status = "completed";
                return true;
            case RolloutAborted m:
                Status(set, m.Rollout, m.At, "aborted", m.Reason);
                return true;
            case GpoConflictDetected m:
                set.Device(m.Rollout.TenantId, m.DeviceId, m.At).LastFailure = "Group Policy overrides the Intune WHfB policy";
                set.Deltas.Alerts.Add(GpoAlert(m.Rollout, m.DeviceId, true, m.At,
                    $"{m.DeviceName ?? m.DeviceId.ToString()} has PassportForWork set by Group Policy: {string.Join(", ", m.Values.Select(v => $"{v.Name}={v.Value}"))}"));
                return true;
            case GpoConflictResolved m:
                set.Deltas.Alerts.Add(GpoAlert(m.Rollout, m.DeviceId, false, m.At, "The Group Policy values are gone"));
                return true;
            default:
                return false;
        }
    }

    private static RingState Rollout(ProjectionSet set, RolloutReference r, DateTimeOffset at) =>
        set.Ring(r.TenantId, r.RolloutId, null, r.RolloutName, at);

    private static RingState Ring(ProjectionSet set, RolloutReference r, DateTimeOffset at) =>
        set.Ring(r.TenantId, r.RolloutId, r.RingIndex, r.RolloutName, at);

    private static void Status(ProjectionSet set, RolloutReference r, DateTimeOffset at, string status, string? reason)
    {
        foreach (var state in r.RingIndex is null ? [Rollout(set, r, at)] : new[] { Rollout(set, r, at), Ring(set, r, at) })
        {
            state.Status = status;
            state.Reason = reason;
        }
    }

    private static AlertChange GpoAlert(RolloutReference r, Guid device, bool opens, DateTimeOffset at, string text) =>
        new(r.TenantId, $"gpo-conflict:{r.RolloutId}:{device}", "gpo-conflict", opens,
            opens ? $"GPO conflict in {r.RolloutName}" : $"GPO conflict resolved in {r.RolloutName}", text, at, device);
}
