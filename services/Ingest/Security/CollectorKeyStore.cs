using Microsoft.EntityFrameworkCore;
using Whfb.Ingest.Infrastructure;
using Whfb.Ingest.Model;
using Whfb.ServiceDefaults.Security;

namespace Whfb.Ingest.Security;

/// <summary>Collector keys of a tenant in Ingest's database: create (the key is returned once), list, revoke, look up.</summary>
public sealed class CollectorKeyStore(IngestDbContext db, TimeProvider time)
{
    public const string KeyPrefix = "whfbc";

    public async Task<(CollectorKey Entity, string Key)> CreateAsync(Guid tenantId, string name, string actor, CancellationToken ct)
    {
        var key = ApiKeyHasher.NewKey(KeyPrefix);
        var now = time.GetUtcNow();
        var entity = new CollectorKey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Name = name,
            KeyHash = ApiKeyHasher.Hash(key),
            KeyPrefix = key[..(KeyPrefix.Length + 5)],
            CreatedAt = now,
            CreatedBy = actor,
        };
        db.CollectorKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        return (entity, key);
    }

    public Task<List<CollectorKey>> ListAsync(Guid tenantId, CancellationToken ct) =>
        db.CollectorKeys.AsNoTracking().Where(k => k.TenantId == tenantId).OrderBy(k => k.CreatedAt).ToListAsync(ct);

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

    /// <summary>The active key with this hash, compared in constant time once found by the unique index.</summary>
    public async Task<CollectorKey?> FindActiveAsync(string keyHash, CancellationToken ct)
    {
        var key = await db.CollectorKeys.AsNoTracking().SingleOrDefaultAsync(k => k.KeyHash == keyHash, ct);
        return key is not null && key.RevokedAt is null && ApiKeyHasher.HashesEqual(key.KeyHash, keyHash) ? key : null;
    }
}
