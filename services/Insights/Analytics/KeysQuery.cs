using Whfb.Insights.History;
using Whfb.Insights.Projections;

namespace Whfb.Insights.Analytics;

/// <param name="DeviceId">The key's device; null while unknown (the row is then keyed by a stand-in, see <see cref="KeyIdentity"/>).</param>
/// <param name="EntraKeyId">Graph's method id of the key (what tells a user's keys apart while their devices are unknown).</param>
public sealed record KeyRow(
    Guid UserId, string? UserPrincipalName, Guid? DeviceId, string? EntraKeyId, string State, DateTimeOffset? CreatedInEntraAt,
    DateTimeOffset? StuckSince, string? Hints, string? AdKeyId, string? AdObjectDn, string? OrphanReason, DateTimeOffset UpdatedAt);

/// <summary>Keys that need attention now: stuck (waiting for AD) or orphaned (in AD without a live Entra key).</summary>
public sealed class KeysQuery(Db db)
{
    public Task<List<KeyRow>> InStateAsync(Guid tenant, string state, int limit, CancellationToken ct) => db.QueryAsync("""
        SELECT user_id, user_principal_name, device_id, entra_key_id, state, created_in_entra_at, stuck_since, hints, ad_key_id,
               ad_object_dn, orphan_reason, updated_at
        FROM key_state WHERE tenant_id = @t AND state = @s ORDER BY coalesce(stuck_since, updated_at) LIMIT @limit
        """, r => new KeyRow(r.GetGuid(0), r.Opt<string>(1), KeyIdentity.DeviceOf(r.GetGuid(2), r.Opt<string>(3), r.Opt<string>(8)),
            r.Opt<string>(3), r.GetString(4), r.Val<DateTimeOffset>(5), r.Val<DateTimeOffset>(6), r.Opt<string>(7), r.Opt<string>(8),
            r.Opt<string>(9), r.Opt<string>(10), r.GetFieldValue<DateTimeOffset>(11)),
        ct, ("t", tenant), ("s", state), ("limit", limit));
}
