namespace Whfb.SyncTracker.Domain;

/// <summary>
/// Entra users and AD users with the links between them: onPremisesImmutableId (objectGUID), then
/// onPremisesSecurityIdentifier (objectSid), and the UPN only for users Graph has not described yet; and the lookups
/// by anchor of Entra users whose AD user no scan returned.
/// </summary>
internal sealed class UserDirectory
{
    private readonly Dictionary<Guid, EntraUser> _entra = [];
    private readonly Dictionary<Guid, Guid> _entraByObjectGuid = [];
    private readonly Dictionary<string, Guid> _entraBySid = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Guid> _entraByUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, AdUser> _ad = [];
    private readonly Dictionary<string, Guid> _adBySid = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Guid> _adByUpn = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<Guid, AdLookup> _lookups = [];

    public EntraUser? Entra(Guid userId) => _entra.GetValueOrDefault(userId);

    public IEnumerable<EntraUser> EntraUsers => _entra.Values;

    public AdUser? Ad(Guid objectGuid) => _ad.GetValueOrDefault(objectGuid);

    public AdLookup? LookupOf(Guid entraUserId) => _lookups.GetValueOrDefault(entraUserId);

    public void Put(AdLookup lookup) => _lookups[lookup.EntraUserId] = lookup;

    public void Put(EntraUser user)
    {
        _entra[user.UserId] = user;
        if (user.OnPremisesObjectGuid is { } guid)
        {
            _entraByObjectGuid[guid] = user.UserId;
        }

        if (user.OnPremisesSid is { } sid)
        {
            _entraBySid[sid] = user.UserId;
        }

        // Only a user without anchors is ever matched by UPN (see EntraUserOf): anchored users stay out of this index.
        if (user.UserPrincipalName is { } upn)
        {
            if (!user.HasOnPremisesAnchor)
            {
                _entraByUpn[upn] = user.UserId;
            }
            else if (_entraByUpn.TryGetValue(upn, out var listed) && listed == user.UserId)
            {
                _entraByUpn.Remove(upn);
            }
        }
    }

    public void Put(AdUser user)
    {
        _ad[user.ObjectGuid] = user;
        if (user.Sid is { } sid)
        {
            _adBySid[sid] = user.ObjectGuid;
        }

        if (user.UserPrincipalName is { } upn)
        {
            _adByUpn[upn] = user.ObjectGuid;
        }
    }

    public AdUser? AdUserOf(EntraUser user)
    {
        if (user.OnPremisesObjectGuid is { } guid && _ad.TryGetValue(guid, out var byGuid))
        {
            return byGuid;
        }

        if (user.OnPremisesSid is { } sid && _adBySid.TryGetValue(sid, out var bySid))
        {
            return _ad[bySid];
        }

        return !user.HasOnPremisesAnchor && user.UserPrincipalName is { } upn && _adByUpn.TryGetValue(upn, out var byUpn) ? _ad[byUpn] : null;
    }

    public EntraUser? EntraUserOf(AdUser user)
    {
        if (_entraByObjectGuid.TryGetValue(user.ObjectGuid, out var byGuid))
        {
            return _entra[byGuid];
        }

        if (user.Sid is { } sid && _entraBySid.TryGetValue(sid, out var bySid))
        {
            return _entra[bySid];
        }

        return user.UserPrincipalName is { } upn && _entraByUpn.TryGetValue(upn, out var byUpn) ? _entra[byUpn] : null;
    }
}
