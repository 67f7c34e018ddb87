using Whfb.Policy.Model;

namespace Whfb.Policy.Consumers;

/// <summary>
/// Key sync events on a device's outcome, in the order they happened, not the order their queues deliver them: a stuck
/// event older than the newest key sync state applied changes nothing.
/// </summary>
internal static class KeySyncOutcomes
{
    /// <summary>KeySynced and KeySyncRecovered: the key is in AD (an older one than the state applied still says a key reached AD).</summary>
    public static void Synced(DeviceOutcome row, DateTimeOffset observedInAdAt)
    {
        row.KeySynced = true;
        if (Newest(row, observedInAdAt))
        {
            row.KeyStuck = false;
        }
    }

    /// <summary>KeySyncStuck: the key waits past the threshold, unless a newer event already said it reached AD.</summary>
    public static void Stuck(DeviceOutcome row, DateTimeOffset detectedAt)
    {
        if (Newest(row, detectedAt))
        {
            row.KeyStuck = true;
        }
    }

    private static bool Newest(DeviceOutcome row, DateTimeOffset at)
    {
        if (row.KeySyncStateAt is { } applied && at < applied)
        {
            return false;
        }

        row.KeySyncStateAt = at;
        return true;
    }
}
