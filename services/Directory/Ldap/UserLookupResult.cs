namespace Whfb.Directory.Ldap;

/// <summary>What a lookup by anchor found.</summary>
/// <param name="Found">The users read, as they are now (nothing to diff against: no added or removed values).</param>
/// <param name="Absent">Anchors no user answers to: every base search by them said NoSuchObject (or found no user object).</param>
/// <param name="NotLookedUp">Anchors beyond the caller's maximum, left for a later call.</param>
public sealed record UserLookupResult(
    IReadOnlyList<ScannedUser> Found, IReadOnlyList<UserAnchor> Absent, IReadOnlyList<UserAnchor> NotLookedUp);
