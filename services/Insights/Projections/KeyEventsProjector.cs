using Whfb.Contracts.Keys;
using Whfb.Insights.Model;

namespace Whfb.Insights.Projections;

/// <summary>What key events (SyncTracker) change: key states, "key in AD", sync latency, stuck, stall and backlog alerts.</summary>
public static class KeyEventsProjector
{
    /// <summary>The tenant's pipeline-stalled episode; key-stuck alerts it alone explains fold into it.</summary>
    public const string PipelineEpisode = "sync-pipeline";

    /// <summary>The tenant's backlog episode (Entra Connect exports, but slower than keys arrive); the same folding.</summary>
    public const string BacklogEpisode = "sync-backlog";

    public static bool TryApply(ProjectionSet set, HistoryRow row)
    {
        switch (row.Message)
        {
            case KeySynced m:
                Synced(set, m.Key, m.ObservedInAdAt, m.Latency);
                return true;
            case KeySyncRecovered m:
                Synced(set, m.Key, m.ObservedInAdAt, m.Latency);
                set.Deltas.Alerts.Add(StuckAlert(m.Key, false, m.ObservedInAdAt, $"Key of {Who(m.Key)} reached AD after {m.Latency:g}")
                    with { AlsoCloses = EarlierEpisodes(set, m.Key) });
                return true;
            case KeySyncStuck m:
                var stuck = Key(set, m.Key, m.DetectedAt);
                stuck.State = KeyStates.Stuck;
                stuck.StuckSince = m.DetectedAt - m.WaitingFor;
                stuck.Hints = string.Join(", ", m.Hints);
                set.Deltas.Alerts.Add(StuckAlert(m.Key, true, m.DetectedAt,
                    $"Key of {Who(m.Key)} has waited {m.WaitingFor:g} for AD. Hints: {(m.Hints.Count == 0 ? "none" : stuck.Hints)}")
                    with { FoldsInto = OwnCause(m) ? null : PipelineEpisodeOf(m.Hints), Foldable = !OwnCause(m) });
                return true;
            case OrphanedKeyDetected m:
                var orphan = set.Key(m.TenantId, UserOrAdKey(m.UserId, m.AdKeyId), KeyIdentity.Of(m.DeviceId, null, m.AdKeyId), m.DetectedAt);
                orphan.State = KeyStates.Orphaned;
                orphan.AdKeyId = m.AdKeyId;
                orphan.AdObjectDn = m.AdObjectDn;
                orphan.OrphanReason = m.Reason.ToString();
                orphan.CreatedInEntraAt ??= m.KeyCreatedAt;
                return true;
            case NgcKeyRemovedFromAd m:
                Key(set, m.Key, m.ObservedAt).State = KeyStates.Removed;
                return true;
            case SyncPipelineStalled m:
                set.Deltas.Alerts.Add(new AlertChange(m.TenantId, PipelineEpisode, "pipeline-stalled", true, "Key sync pipeline stalled",
                    $"No key reached AD since {m.LastKeySyncedAt?.ToString("u") ?? "ever"}; {m.KeysWaiting} keys waiting", m.DetectedAt, null)
                    { AdoptsFoldable = true });
                return true;
            case SyncPipelineRecovered m:
                set.Deltas.Alerts.Add(new AlertChange(m.TenantId, PipelineEpisode, "pipeline-stalled", false, "Key sync pipeline recovered",
                    $"Keys reach AD again (stalled since {m.StalledSince:u})", m.RecoveredAt, null));
                return true;
            case SyncBacklogDetected m:
                set.Deltas.Alerts.Add(new AlertChange(m.TenantId, BacklogEpisode, "sync-backlog", true, "Key sync backlog", BacklogText.Detected(m), m.DetectedAt, null)
                    { AdoptsFoldable = true });
                return true;
            case SyncBacklogCleared m:
                set.Deltas.Alerts.Add(new AlertChange(m.TenantId, BacklogEpisode, "sync-backlog", false, "Key sync backlog cleared",
                    $"No key waits past its threshold for Entra Connect's export any more (backlog since {m.BacklogSince:u}; {BacklogText.Keys(m.KeysWaiting)} still waiting within their threshold or for reasons of their own)",
                    m.ClearedAt, null));
                return true;
            default:
                return false;
        }
    }

    private static void Synced(ProjectionSet set, KeyReference reference, DateTimeOffset at, TimeSpan latency)
    {
        var key = Key(set, reference, at);
        if (key.SyncedAt is null)
        {
            RollupDeltas.AddCount(set.Deltas.Latency, new HistogramKey(reference.TenantId, FunnelSteps.Day(at), (int)latency.TotalMinutes));
        }

        key.State = KeyStates.Synced;
        key.SyncedAt ??= at;
        key.LatencySeconds ??= latency.TotalSeconds;
        key.StuckSince = null;
        if (reference.DeviceId is { } device)
        {
            FunnelSteps.KeyInAd(set, set.Device(reference.TenantId, device, at), at);
        }
    }

    /// <summary>
    /// The key's row, by its identity (<see cref="KeyIdentity"/>). An event naming the device folds in the row the same
    /// key had while its device was unknown (its stand-in, or the empty identity of rows written before stand-ins, when
    /// that row holds the same Entra key id or AD KeyID): the key keeps one row, under its device.
    /// </summary>
    private static KeyState Key(ProjectionSet set, KeyReference r, DateTimeOffset at)
    {
        var user = UserOrAdKey(r.UserId, r.AdKeyId);
        var key = set.Key(r.TenantId, user, KeyIdentity.Of(r.DeviceId, r.EntraKeyId, r.AdKeyId), at);
        if (r.DeviceId is not null)
        {
            foreach (var earlier in KeyIdentity.WithoutDevice(r.EntraKeyId, r.AdKeyId))
            {
                if (set.TakeKey(r.TenantId, user, earlier, k => SameKey(k, r)) is { } row)
                {
                    key.Absorb(row);
                }
            }
        }

        key.UserPrincipalName = r.UserPrincipalName ?? key.UserPrincipalName;
        key.EntraKeyId = r.EntraKeyId ?? key.EntraKeyId;
        key.AdKeyId = r.AdKeyId ?? key.AdKeyId;
        key.CreatedInEntraAt ??= r.CreatedInEntraAt;
        return key;
    }

    private static bool SameKey(KeyState row, KeyReference r) =>
        (r.EntraKeyId is not null && row.EntraKeyId == r.EntraKeyId) || (r.AdKeyId is not null && row.AdKeyId == r.AdKeyId);

    private static AlertChange StuckAlert(KeyReference key, bool opens, DateTimeOffset at, string text) =>
        new(key.TenantId, Episode(key, KeyIdentity.Of(key.DeviceId, key.EntraKeyId, key.AdKeyId)), "key-stuck", opens,
            opens ? $"Key stuck: {Who(key)}" : $"Key recovered: {Who(key)}", text, at, key.DeviceId);

    /// <summary>A key's stuck episode is keyed by its user and its identity.</summary>
    private static string Episode(KeyReference key, Guid identity) => $"key-stuck:{key.UserId}:{KeyIdentity.EpisodePart(identity)}";

    /// <summary>
    /// The episodes a key's recovery closes besides its own: those opened under its stand-ins while its device was unknown,
    /// and the deviceless one opened before stand-ins (keyed by the user alone) when the batch folded this key's row from
    /// then (the row, not the episode, tells which of the user's keys it was).
    /// </summary>
    private static string[] EarlierEpisodes(ProjectionSet set, KeyReference key)
    {
        var identity = KeyIdentity.Of(key.DeviceId, key.EntraKeyId, key.AdKeyId);
        var legacyFolded = set.FoldedKeys.Contains((key.TenantId, UserOrAdKey(key.UserId, key.AdKeyId), Guid.Empty));
        return [.. KeyIdentity.WithoutDevice(key.EntraKeyId, key.AdKeyId)
            .Where(i => i != identity && (i != Guid.Empty || legacyFolded)).Select(i => Episode(key, i))];
    }

    /// <summary>
    /// Stuck for a reason of its own (a user-specific hint, or passed over by the export): it keeps its own alert. Otherwise
    /// the alert folds into a pipeline episode, when it opens or when one opens later. SyncTracker says which; for events
    /// sent before it did, a key whose hints are not all about the pipeline has a reason of its own.
    /// </summary>
    private static bool OwnCause(KeySyncStuck m) =>
        m.OwnCause ?? !m.Hints.All(h => h is StuckKeyHint.PipelineStalled or StuckKeyHint.PipelineBacklog);

    /// <summary>The episode that explains a key stuck only because of the pipeline: the stall, or else the backlog.</summary>
    private static string? PipelineEpisodeOf(IReadOnlyList<StuckKeyHint> hints) =>
        hints.Contains(StuckKeyHint.PipelineStalled) ? PipelineEpisode : hints.Contains(StuckKeyHint.PipelineBacklog) ? BacklogEpisode : null;

    private static string Who(KeyReference key) => key.UserPrincipalName ?? key.UserId.ToString();

    /// <summary>A key without an Entra user (an AD value nobody registered) is known by its AD key id, in every event.</summary>
    private static Guid UserOrAdKey(Guid? user, string? adKeyId) =>
        user is { } known && known != Guid.Empty ? known : adKeyId is not null ? KeyIdentity.Named(adKeyId) : Guid.Empty;
}
