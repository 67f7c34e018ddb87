namespace Whfb.SyncTracker.Domain;

/// <summary>What tells two records of a key apart: ids both carry that differ, and the distance of their creation times.</summary>
internal static class KeyIdentity
{
    /// <summary>True when both carry a Graph id, a device key id or an expected AD KeyID and these differ: two keys for sure.</summary>
    public static bool Conflicts(TrackedKey key, EntraKeyObservation o) =>
        Differ(key.EntraKeyId, o.EntraKeyId) || Differ(key.DeviceKeyId, o.DeviceKeyId) || Differ(key.ExpectedAdKeyId, o.AdKeyId);

    /// <summary>As above, and two keys that each hold an AD value of their own are two keys as well.</summary>
    public static bool Conflicts(TrackedKey key, TrackedKey other) =>
        Conflicts(key, ObservationOf(other)) || (key.AdKeyId is not null && other.AdKeyId is not null);

    public static TimeSpan Gap(TrackedKey key, DateTimeOffset created) =>
        key.CreatedInEntraAt is { } at ? (at - created).Duration() : TimeSpan.MaxValue;

    /// <summary>The Entra side of a tracked key as an observation (to merge it into another key).</summary>
    public static EntraKeyObservation ObservationOf(TrackedKey key) =>
        new(key.EntraUserId ?? Guid.Empty, key.UserPrincipalName, key.DeviceId, key.EntraKeyId, key.DeviceKeyId,
            key.CreatedInEntraAt ?? DateTimeOffset.MinValue) { AdKeyId = key.ExpectedAdKeyId, DeviceLookedUp = key.DeviceLookedUp };

    private static bool Differ<T>(T? a, T? b) => a is not null && b is not null && !EqualityComparer<T>.Default.Equals(a, b);
}
