namespace Whfb.Directory.Ldap;

/// <summary>Reads users directly by their anchors, one base search each (by GUID, then by SID when the GUID is not found).</summary>
internal static class UserLookup
{
    private const string UserFilter = "(objectClass=user)";

    public static async Task<UserLookupResult> RunAsync(
        LdapSession session, IReadOnlyCollection<UserAnchor> anchors, int maxLookups, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(anchors);
        ArgumentOutOfRangeException.ThrowIfNegative(maxLookups);
        var found = new List<ScannedUser>();
        var absent = new List<UserAnchor>();
        foreach (var anchor in anchors.Take(maxLookups))
        {
            if (await ReadAsync(session, anchor, cancellationToken) is { } user)
            {
                found.Add(user);
            }
            else
            {
                absent.Add(anchor);
            }
        }

        return new UserLookupResult(found, absent, [.. anchors.Skip(maxLookups)]);
    }

    /// <summary>The user the anchor names, with the scan's attributes; null when AD has none by it.</summary>
    public static async Task<ScannedUser?> ReadAsync(LdapSession session, UserAnchor anchor, CancellationToken cancellationToken)
    {
        foreach (var dn in anchor.SearchBases())
        {
            if (await BaseEntry.ReadAsync(session, dn, UserFilter, LdapAttributes.UserScan, cancellationToken) is { } entry)
            {
                return UserEntryReader.Read(entry);
            }
        }

        return null;
    }
}
