using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Domain;

/// <summary>
/// One WHfB key as SyncTracker follows it: its Entra side (user, device, ids, creation time), its AD side
/// (owner, KeyID, creation time) once matched, and its state. An AD value nobody claims is a key with an AD side only.
/// </summary>
public sealed class TrackedKey
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public KeyState State { get; set; }

    public Guid? EntraUserId { get; set; }
    public string? UserPrincipalName { get; set; }
    public Guid? DeviceId { get; set; }

    /// <summary>Graph's windowsHelloForBusinessAuthenticationMethod id.</summary>
    public string? EntraKeyId { get; set; }

    /// <summary>The key id the device reported (event 300).</summary>
    public Guid? DeviceKeyId { get; set; }

    /// <summary>The AD KeyID when the Entra side exposes it (then matching is exact).</summary>
    public string? ExpectedAdKeyId { get; set; }

    /// <summary>Graph's single GET with $expand=device answered for this key (with its device, or without one): not asked again.</summary>
    public bool DeviceLookedUp { get; set; }

    public DateTimeOffset? CreatedInEntraAt { get; set; }
    public DateTimeOffset? EntraRemovedAt { get; set; }

    public Guid? AdObjectGuid { get; set; }
    public string? AdObjectDn { get; set; }

    /// <summary>The AD KeyID (base64 SHA-256 of the key material).</summary>
    public string? AdKeyId { get; set; }

    public DateTimeOffset? AdCreatedAt { get; set; }
    public DateTimeOffset? ObservedInAdAt { get; set; }
    public DateTimeOffset? RemovedFromAdAt { get; set; }

    public DateTimeOffset? StuckSince { get; set; }
    public List<StuckKeyHint> Hints { get; set; } = [];

    /// <summary>When the AD value was first seen without a live Entra key (start of the orphan grace).</summary>
    public DateTimeOffset? UnmatchedSince { get; set; }
    public OrphanReason? OrphanReason { get; set; }

    /// <summary>Optimistic concurrency token (PostgreSQL xmin).</summary>
    public uint Version { get; set; }

    public bool HasEntraSide => CreatedInEntraAt is not null;

    public TimeSpan? Latency => ObservedInAdAt - CreatedInEntraAt is { } l ? (l < TimeSpan.Zero ? TimeSpan.Zero : l) : null;

    public KeyReference ToReference() => new(
        TenantId, EntraUserId ?? Guid.Empty, UserPrincipalName, DeviceId, EntraKeyId ?? DeviceKeyId?.ToString(), AdKeyId,
        CreatedInEntraAt ?? AdCreatedAt ?? ObservedInAdAt ?? DateTimeOffset.MinValue);
}
