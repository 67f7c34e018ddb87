using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.Ingest.Model;

namespace Whfb.Ingest.Infrastructure.EntityConfigurations;

internal sealed class CollectorKeyConfiguration : IEntityTypeConfiguration<CollectorKey>
{
    public void Configure(EntityTypeBuilder<CollectorKey> e)
    {
        e.ToTable("collector_keys");
        e.HasKey(k => k.Id);
        e.Property(k => k.Id).HasColumnName("id");
        e.Property(k => k.TenantId).HasColumnName("tenant_id");
        e.Property(k => k.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(16);
        e.Property(k => k.Name).HasColumnName("name").HasMaxLength(200);
        e.Property(k => k.DeviceId).HasColumnName("device_id");
        e.Property(k => k.EnrolledWith).HasColumnName("enrolled_with");
        e.Property(k => k.LastUsedAt).HasColumnName("last_used_at");
        e.Property(k => k.KeyHash).HasColumnName("key_hash").HasMaxLength(64).IsFixedLength();
        e.Property(k => k.KeyPrefix).HasColumnName("key_prefix").HasMaxLength(16);
        e.Property(k => k.CreatedAt).HasColumnName("created_at");
        e.Property(k => k.CreatedBy).HasColumnName("created_by").HasMaxLength(200);
        e.Property(k => k.RevokedAt).HasColumnName("revoked_at");
        e.Property(k => k.RevokedBy).HasColumnName("revoked_by").HasMaxLength(200);
        e.HasIndex(k => k.KeyHash).IsUnique();
        e.HasIndex(k => k.TenantId);

        // One active key per device: enrolling again revokes the previous one in the same transaction.
        e.HasIndex(k => new { k.TenantId, k.DeviceId }).IsUnique().HasFilter("revoked_at IS NULL AND device_id IS NOT NULL");
    }
}
