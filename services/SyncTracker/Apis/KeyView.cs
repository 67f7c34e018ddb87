using Whfb.Contracts.Keys;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Apis;

/// <summary>One key as the API shows it.</summary>
public sealed record KeyView(
    Guid Id,
    KeyState State,
    Guid? UserId,
    string? UserPrincipalName,
    Guid? DeviceId,
    string? EntraKeyId,
    string? AdKeyId,
    string? AdObjectDn,
    DateTimeOffset? CreatedInEntraAt,
    DateTimeOffset? ObservedInAdAt,
    double? LatencyMinutes,
    DateTimeOffset? StuckSince,
    IReadOnlyList<StuckKeyHint> Hints,
    OrphanReason? OrphanReason)
{
    public static KeyView Of(TrackedKey k) => new(
        k.Id, k.State, k.EntraUserId, k.UserPrincipalName, k.DeviceId, k.EntraKeyId ?? k.DeviceKeyId?.ToString(), k.AdKeyId, k.AdObjectDn,
        k.CreatedInEntraAt, k.ObservedInAdAt, k.Latency?.TotalMinutes, k.StuckSince, k.Hints, k.OrphanReason);
}

public sealed record KeyPage(int Page, int PageSize, int Total, IReadOnlyList<KeyView> Items);
