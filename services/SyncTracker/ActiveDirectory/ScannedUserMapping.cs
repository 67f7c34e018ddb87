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
}
