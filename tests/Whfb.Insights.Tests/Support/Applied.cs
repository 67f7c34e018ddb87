using Whfb.Insights.Model;
using Whfb.Insights.Projections;

namespace Whfb.Insights.Tests.Support;

/// <summary>Applies messages to a projection set as the history writer does (as history rows, oldest first), without a database.</summary>
public static class Applied
{
    public static ProjectionSet To(ProjectionSet set, Guid tenant, params object[] messages)
    {
        Projector.Apply(set, messages.Select(m => new HistoryRow(Guid.NewGuid(), tenant, m.GetType().Name, At(m), m)));
        return set;
    }

    private static DateTimeOffset At(object m) => m switch
    {
        Contracts.Devices.ProvisioningReadinessReported r => r.Header.TimeCreated,
        Contracts.Devices.NgcKeyRegistered r => r.Header.TimeCreated,
        Contracts.Devices.NgcKeyRegistrationFailed r => r.Header.TimeCreated,
        Contracts.Devices.DeviceStatusReported r => r.CollectedAt,
        Contracts.Keys.KeySynced r => r.ObservedInAdAt,
        Contracts.Keys.KeySyncStuck r => r.DetectedAt,
        Contracts.Keys.KeySyncRecovered r => r.ObservedInAdAt,
        Contracts.Policy.RingAssigned r => r.At,
        _ => Events.T0,
    };
}
