using Microsoft.EntityFrameworkCore;
using Npgsql;
using Whfb.Ingest.Infrastructure;
using Whfb.Ingest.Model;

namespace Whfb.Ingest.Security;

/// <summary>
/// Enrolls a device with its tenant's enrollment key: a new device key bound to the device's Entra id. Enrolling the
/// same device again revokes its previous key in the same transaction (one active key per device, enforced by a unique
/// index), so a device that lost its key, or a key that leaked, is replaced by enrolling again.
/// </summary>
public sealed class DeviceEnrollment(IngestDbContext db, CollectorKeyStore keys, TimeProvider time)
{
    public async Task<Enrolled> EnrollAsync(CollectorIdentity enrollmentKey, Guid deviceId, string deviceName, CancellationToken ct)
    {
        // Two enrollments of one device at once: the unique index refuses the second insert; trying again revokes the first.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryEnrollAsync(enrollmentKey, deviceId, deviceName, ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<Enrolled> TryEnrollAsync(CollectorIdentity enrollmentKey, Guid deviceId, string deviceName, CancellationToken ct)
    {
        var actor = $"enrollment key {enrollmentKey.KeyId}";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var replaced = await db.CollectorKeys
            .Where(k => k.TenantId == enrollmentKey.TenantId && k.DeviceId == deviceId && k.RevokedAt == null)
            .Select(k => (Guid?)k.Id).FirstOrDefaultAsync(ct);
        await db.CollectorKeys.Where(k => k.TenantId == enrollmentKey.TenantId && k.DeviceId == deviceId && k.RevokedAt == null)
            .ExecuteUpdateAsync(k => k.SetProperty(x => x.RevokedAt, now).SetProperty(x => x.RevokedBy, "re-enrolled with " + actor), ct);

        var (entity, key) = keys.New(enrollmentKey.TenantId, CollectorKeyKind.Device, deviceName, actor);
        entity.DeviceId = deviceId;
        entity.EnrolledWith = enrollmentKey.KeyId;
        db.CollectorKeys.Add(entity);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Enrolled(entity, key, replaced);
    }

    /// <param name="Key">The device key itself, returned this once.</param>
    /// <param name="Replaced">The device's previous key, now revoked.</param>
    public sealed record Enrolled(CollectorKey Entity, string Key, Guid? Replaced);
}
