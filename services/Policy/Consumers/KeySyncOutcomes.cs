using Whfb.Policy.Model;

namespace Whfb.Policy.Consumers;

internal static class KeySyncOutcomes
{
    /// <summary>KeySynced and KeySyncRecovered: the key is in AD.</summary>
    public static void Synced(DeviceOutcome row)
    {
        row.KeySynced = true;
        row.KeyStuck = false;
    }
}
