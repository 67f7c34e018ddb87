using Whfb.Directory.Ldap;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.ActiveDirectory;

public static class ScannedUserMapping
{
    /// <summary>The engine's view of a scanned user: decoded values with a KeyID (undecodable ones carry nothing to match on).</summary>
    public static AdUserObservation ToObservation(this ScannedUser user) => new(
        user.ObjectGuid,
        user.DistinguishedName,
        user.ObjectSid,
        user.UserPrincipalName,
        user.AdminCount == 1,
        [.. user.Values.Where(v => v.Key?.KeyId is not null).Select(v => new AdKeyValue(v.Key!.KeyId!, v.Key.DeviceId, v.Key.CreationTime))]);

    /// <summary>The anchors to read the user by in AD; null when it has none usable (only a SID that is not S-1-… text).</summary>
    public static UserAnchor? ToAnchor(this AdLookupRequest request)
    {
        var sid = request.Sid is { } text && UserAnchor.IsSid(text) ? text : null;
        return request.ObjectGuid is null && sid is null ? null : new UserAnchor(request.ObjectGuid, sid);
    }
}
