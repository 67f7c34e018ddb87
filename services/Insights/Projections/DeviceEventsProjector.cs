using Whfb.Contracts.Devices;
using Whfb.Insights.Model;

namespace Whfb.Insights.Projections;

/// <summary>What device events (Ingest) change: funnel steps, dimensions and failure reasons.</summary>
public static class DeviceEventsProjector
{
    /// <summary>Device events that are kept in the history but change no projection, rollup or alert.</summary>
    public static bool ChangesNothing(object message) => message is NgcKeyRemoved or DeviceLogEntryRecorded or PolicyStateReported;

    public static bool TryApply(ProjectionSet set, HistoryRow row)
    {
        switch (row.Message)
        {
            case ProvisioningReadinessReported m:
                var d = Device(set, m.Header);
                if (m.IsReady)
                {
                    FunnelSteps.PrereqsPassed(set, d, m.Header.TimeCreated);
                }

                foreach (var line in Prerequisites.Failing(m.Prerequisites))
                {
                    Fail(set, d, new FailureKey(d.TenantId, FunnelSteps.Day(m.Header.TimeCreated), "prerequisite", line), null);
                }

                return true;
            case NgcKeyRegistered m:
                FunnelSteps.KeyRegistered(set, Device(set, m.Header), m.Header.TimeCreated);
                if (m.Header.UserObjectId is { } user)
                {
                    var key = set.Key(m.Header.TenantId, user, m.Header.DeviceId, m.Header.TimeCreated);
                    key.UserPrincipalName = m.UserPrincipalName ?? m.Header.UserPrincipalName;
                    key.CreatedInEntraAt ??= m.Header.TimeCreated;
                }

                return true;
            case NgcKeyRegistrationFailed m:
                var code = m.ErrorCode ?? m.ExitCode;
                Fail(set, Device(set, m.Header), new FailureKey(
                    m.Header.TenantId, FunnelSteps.Day(m.Header.TimeCreated), "error-code", code?.Hex ?? "unknown"), code?.Meaning ?? m.ServerErrorMessage);
                return true;
            case DeviceRegistrationFailed m:
                Fail(set, Device(set, m.Header), new FailureKey(
                    m.Header.TenantId, FunnelSteps.Day(m.Header.TimeCreated), "device-registration", $"{m.Stage}: {m.ExitCode?.Hex ?? "unknown"}"),
                    m.ExitCode?.Meaning ?? m.ServerErrorMessage);
                return true;
            case NonEntraUserSignedIn m:
                Fail(set, Device(set, m.Header), new FailureKey(
                    m.Header.TenantId, FunnelSteps.Day(m.Header.TimeCreated), "prerequisite", "User signed in without a Microsoft Entra account"), null);
                return true;
            case DeviceStatusReported m:
                var status = set.Device(m.TenantId, m.DeviceId, m.CollectedAt);
                status.DeviceName = m.DeviceName ?? status.DeviceName;
                FunnelSteps.ChangeDimensions(set, status, d => d.Domain = m.DomainName ?? d.Domain);
                return true;
            case var m when ChangesNothing(m):
                return true;
            default:
                return false;
        }
    }

    private static DeviceState Device(ProjectionSet set, DeviceEventHeader h)
    {
        var d = set.Device(h.TenantId, h.DeviceId, h.TimeCreated);
        d.DeviceName = h.DeviceName ?? d.DeviceName;
        return d;
    }

    private static void Fail(ProjectionSet set, DeviceState d, FailureKey key, string? meaning)
    {
        d.LastFailure = meaning is null ? key.Reason : $"{key.Reason} ({meaning})";
        set.Deltas.AddFailure(key, meaning, d.DeviceId);
    }
}
