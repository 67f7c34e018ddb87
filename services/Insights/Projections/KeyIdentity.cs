using Whfb.Contracts.Ids;

namespace Whfb.Insights.Projections;

/// <summary>
/// How Insights tells one user's keys apart: the third part of a <c>key_state</c> row's key (its <c>device_id</c>
/// column) and of a key-stuck episode key. The device where the event names it. A key whose device is not known yet
/// (Graph lists keys without their devices, so SyncTracker may call a key stuck before it learns the device) has a
/// stand-in instead, derived from its Entra key id (Graph's method id, <c>KeyReference.EntraKeyId</c>), else from its AD
/// KeyID: <see cref="Named"/>("entra:" + id) or <see cref="Named"/>("ad:" + id). Every event about that key finds the
/// same row and episode, and two such keys of one user stay two. <see cref="Guid.Empty"/> when none of these is known
/// (what every deviceless key had before stand-ins). Once an event names the device, the stand-in row is folded into the
/// device's row and the stand-in episode is the one the recovery closes (<see cref="KeyEventsProjector"/>).
/// </summary>
public static class KeyIdentity
{
    /// <summary>The key's identity now: its device, else the stand-in of its Entra key id, else of its AD KeyID, else empty.</summary>
    public static Guid Of(Guid? device, string? entraKeyId, string? adKeyId) => device ?? WithoutDevice(entraKeyId, adKeyId).First();

    /// <summary>Every identity the key may have had while its device was unknown, most specific first; <see cref="Guid.Empty"/> last.</summary>
    public static IEnumerable<Guid> WithoutDevice(string? entraKeyId, string? adKeyId)
    {
        if (entraKeyId is not null)
        {
            yield return Named("entra:" + entraKeyId);
        }

        if (adKeyId is not null)
        {
            yield return Named("ad:" + adKeyId);
        }

        yield return Guid.Empty;
    }

    /// <summary>The device a stored identity names: null when it is a stand-in of the row's own ids or empty.</summary>
    public static Guid? DeviceOf(Guid identity, string? entraKeyId, string? adKeyId) =>
        WithoutDevice(entraKeyId, adKeyId).Contains(identity) ? null : identity;

    /// <summary>The key's part of its key-stuck episode key: the identity, empty text for <see cref="Guid.Empty"/> (as before stand-ins).</summary>
    public static string EpisodePart(Guid identity) => identity == Guid.Empty ? "" : identity.ToString();

    /// <summary>A deterministic Guid of a text (<see cref="NameBasedIds.Md5Guid"/>).</summary>
    public static Guid Named(string text) => NameBasedIds.Md5Guid(text);
}
