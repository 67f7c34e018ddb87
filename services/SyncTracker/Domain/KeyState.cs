using System.Text.Json.Serialization;

namespace Whfb.SyncTracker.Domain;

/// <summary>Where one key is on its way from Entra ID to msDS-KeyCredentialLink.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<KeyState>))]
public enum KeyState
{
    /// <summary>Registered in Entra ID, not yet seen in AD.</summary>
    AwaitingAd,

    /// <summary>Waited longer than the stuck threshold.</summary>
    Stuck,

    /// <summary>Seen in AD within the threshold.</summary>
    Synced,

    /// <summary>Seen in AD after having been stuck.</summary>
    Recovered,

    /// <summary>Gone: deleted in Entra before it synced, or its value left AD.</summary>
    Removed,

    /// <summary>An AD value with no live Entra key yet, inside the orphan grace.</summary>
    Unmatched,

    /// <summary>An AD value with no live Entra key after the grace.</summary>
    Orphaned,
}

public static class KeyStates
{
    public static bool IsWaiting(this KeyState state) => state is KeyState.AwaitingAd or KeyState.Stuck;

    public static bool IsInAd(this KeyState state) => state is KeyState.Synced or KeyState.Recovered;

    public static bool IsAdOnly(this KeyState state) => state is KeyState.Unmatched or KeyState.Orphaned;
}
