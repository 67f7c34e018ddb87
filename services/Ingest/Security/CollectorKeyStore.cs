using Microsoft.EntityFrameworkCore;
using Whfb.Ingest.Infrastructure;
using Whfb.Ingest.Model;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Security;

/// <summary>Collector keys of a tenant in Ingest's database: create (the key is returned once), list, revoke, look up.</summary>
public sealed class CollectorKeyStore(IngestDbContext db, TimeProvider time)
{
    public const string KeyPrefix = "whfbc";

    public async Task<(CollectorKey Entity, string Key)> CreateAsync(Guid tenantId, CollectorKeyKind kind, string name, string actor, CancellationToken ct)
    {
        var (entity, key) = New(tenantId, kind, name, actor);
        db.CollectorKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        return (entity, key);
    }

    /// <summary>A new key and its row (not yet added): only the hash and a short prefix of the key are kept.</summary>
    public (CollectorKey Entity, string Key) New(Guid tenantId, CollectorKeyKind kind, string name, string actor)
    {
        var key = ApiKeyHasher.NewKey(KeyPrefix);
        var now = time.GetUtcNow();
        return (new CollectorKey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Kind = kind,
            Name = name,
            KeyHash = ApiKeyHasher.Hash(key),
            KeyPrefix = key[..(KeyPrefix.Length + 5)],
            CreatedAt = now,
            CreatedBy = actor,
        }, key);
    }

    public Task<List<CollectorKey>> ListAsync(Guid tenantId, KeyFilter filter, CancellationToken ct)
    {
        var keys = db.CollectorKeys.AsNoTracking().Where(k => k.TenantId == tenantId);
        if (filter.Kind is { } kind)
            keys = keys.Where(k => k.Kind == kind);
        if (filter.DeviceId is { } device)
            keys = keys.Where(k => k.DeviceId == device);
        if (!filter.IncludeRevoked)
            keys = keys.Where(k => k.RevokedAt == null);
        return keys.OrderBy(k => k.CreatedAt).ThenBy(k => k.Id).Skip(filter.Offset).Take(filter.Limit).ToListAsync(ct);
    }

    /// <summary>Revokes a key of the tenant; false when the tenant has no such key (another tenant's id looks the same as none).</summary>
    public async Task<bool> RevokeAsync(Guid tenantId, Guid id, string actor, CancellationToken ct)
    {
        var key = await db.CollectorKeys.SingleOrDefaultAsync(k => k.Id == id && k.TenantId == tenantId, ct);
        if (key is null)
            return false;
        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            key.RevokedBy = actor;
            await db.SaveChangesAsync(ct);
        }

        return true;
    }

    /// <summary>Revokes the device's active key(s) in the tenant; how many there were.</summary>
    public Task<int> RevokeDeviceAsync(Guid tenantId, Guid deviceId, string actor, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return db.CollectorKeys.Where(k => k.TenantId == tenantId && k.DeviceId == deviceId && k.RevokedAt == null)
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedBy, actor), ct);
    }

    /// <summary>The active key with this hash, compared in constant time once found by the unique index.</summary>
    public async Task<CollectorKey?> FindActiveAsync(string keyHash, CancellationToken ct)
    {
        var key = await db.CollectorKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == keyHash, ct);
        return key is not null && key.RevokedAt is null && ApiKeyHasher.HashesEqual(key.KeyHash, keyHash) ? key : null;
    }

    /// <summary>Which keys a listing shows, a page at a time.</summary>
    public sealed record KeyFilter(CollectorKeyKind? Kind, Guid? DeviceId, bool IncludeRevoked, int Offset, int Limit);
}
