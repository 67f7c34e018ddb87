using Whfb.Contracts.Health;
using Whfb.Insights.Model;

namespace Whfb.Insights.Projections;

/// <summary>
/// What the platform's own health events change: alert episodes for a Graph permission or licence a feature lacks
/// (one per service and feature) and for an unreachable directory (one per tenant). They are about the platform's
/// access, not about keys, so nothing folds into them.
/// </summary>
public static class HealthEventsProjector
{
    public const string PermissionKind = "graph-permission-missing";
    public const string DirectoryKind = "directory-unreachable";

    public static bool TryApply(ProjectionSet set, HistoryRow row)
    {
        switch (row.Message)
        {
            case GraphPermissionMissing m:
                set.Deltas.Alerts.Add(new AlertChange(m.TenantId, PermissionEpisode(m.Service, m.Feature), PermissionKind, true,
                    $"{m.Service} cannot {m.Feature}: Graph permission missing",
                    $"Grant {string.Join(" or ", m.Missing)} to the {m.Service} app (admin consent), then it resumes by itself. Graph said: {m.Detail}",
                    m.DetectedAt, null));
                return true;
            case GraphPermissionRestored m:
                set.Deltas.Alerts.Add(new AlertChange(m.TenantId, PermissionEpisode(m.Service, m.Feature), PermissionKind, false,
                    $"{m.Service} can {m.Feature} again", $"Graph allows it again (missing since {m.MissingSince:u})", m.RestoredAt, null));
                return true;
            case DirectoryUnreachable m:
                set.Deltas.Alerts.Add(new AlertChange(m.TenantId, DirectoryKind, DirectoryKind, true, "Active Directory unreachable",
                    $"No domain controller answered since {m.Since:u} ({string.Join(", ", m.Servers)}): {m.Error}. "
                    + "Keys are not called stuck while AD cannot be read.", m.DetectedAt, null));
                return true;
            case DirectoryReachable m:
                set.Deltas.Alerts.Add(new AlertChange(m.TenantId, DirectoryKind, DirectoryKind, false, "Active Directory reachable again",
                    $"{m.Server} answers again (unreachable since {m.UnreachableSince:u})", m.ReachableAt, null));
                return true;
            default:
                return false;
        }
    }

    private static string PermissionEpisode(string service, string feature) => $"{PermissionKind}:{service}:{feature}";
}
