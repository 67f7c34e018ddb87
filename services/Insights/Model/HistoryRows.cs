using Whfb.Contracts.Devices;
using Whfb.Contracts.Keys;
using Whfb.Contracts.Policy;

namespace Whfb.Insights.Model;

/// <summary>Builds history rows from the three families of lifecycle events.</summary>
public static class HistoryRows
{
    public static HistoryRow Device<T>(DeviceEventHeader h, T message, string? detail = null) where T : class =>
        new(h.EventId, h.TenantId, typeof(T).Name, h.TimeCreated, message, h.DeviceId, h.UserObjectId, h.UserPrincipalName, Detail: detail);

    public static HistoryRow Key<T>(Guid eventId, KeyReference k, DateTimeOffset at, T message, string? detail = null) where T : class =>
        new(eventId, k.TenantId, typeof(T).Name, at, message, k.DeviceId, k.UserId, k.UserPrincipalName, Detail: detail);

    public static HistoryRow Rollout<T>(Guid eventId, RolloutReference r, DateTimeOffset at, T message, Guid? device = null, string? detail = null)
        where T : class =>
        new(eventId, r.TenantId, typeof(T).Name, at, message, device, RolloutId: r.RolloutId, RingIndex: r.RingIndex, Detail: detail);
}
