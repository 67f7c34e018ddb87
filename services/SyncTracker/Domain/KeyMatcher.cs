namespace Whfb.SyncTracker.Domain;

/// <summary>
/// Decides which Entra key an AD value belongs to: the KeyID where both sides expose it, else the DeviceId with the
/// creation time within the tolerance (the closest wins, so re-provisioned keys of one device pair correctly), else
/// the creation time alone when one side has no DeviceId.
/// </summary>
public static class KeyMatcher
{
    /// <summary>How well they match (lower is better), or null when they cannot be the same key.</summary>
    public static double? Score(TrackedKey entra, AdKeyValue ad, TimeSpan tolerance)
    {
        if (entra.ExpectedAdKeyId is { } expected)
        {
            return string.Equals(expected, ad.KeyId, StringComparison.Ordinal) ? -1 : null;
        }

        var gap = entra.CreatedInEntraAt is { } created && ad.CreatedAt is { } adCreated ? (created - adCreated).Duration() : (TimeSpan?)null;
        if (gap > tolerance)
        {
            return null;
        }

        if (entra.DeviceId is { } device && ad.DeviceId is { } adDevice)
        {
            return device == adDevice ? (gap ?? tolerance).TotalSeconds : null;
        }

        // Without a DeviceId on one side only the creation time can tell, and it must be there.
        return gap is { } g ? tolerance.TotalSeconds + g.TotalSeconds : null;
    }

    /// <summary>The waiting Entra key the AD value belongs to, or null.</summary>
    public static TrackedKey? BestEntraKeyFor(IEnumerable<TrackedKey> entraKeys, AdKeyValue ad, TimeSpan tolerance) =>
        Best(entraKeys, k => Score(k, ad, tolerance));

    /// <summary>The unclaimed AD value (an AD-only key) that belongs to the Entra key, or null.</summary>
    public static TrackedKey? BestAdValueFor(TrackedKey entraKey, IEnumerable<TrackedKey> adOnlyKeys, TimeSpan tolerance) =>
        Best(adOnlyKeys, k => Score(entraKey, AdSideOf(k), tolerance));

    public static AdKeyValue AdSideOf(TrackedKey key) => new(key.AdKeyId!, key.DeviceId, key.AdCreatedAt);

    private static TrackedKey? Best(IEnumerable<TrackedKey> candidates, Func<TrackedKey, double?> score)
    {
        TrackedKey? best = null;
        var bestScore = double.MaxValue;
        foreach (var candidate in candidates)
        {
            if (score(candidate) is { } s && s < bestScore)
            {
                best = candidate;
                bestScore = s;
            }
        }

        return best;
    }
}
