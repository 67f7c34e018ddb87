using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Infrastructure.EntityConfigurations;

internal sealed class TrackedKeyConfiguration : IEntityTypeConfiguration<TrackedKey>
{
    public void Configure(EntityTypeBuilder<TrackedKey> e)
    {
        e.ToTable("tracked_keys");
        e.HasKey(k => k.Id);
        e.Property(k => k.State).HasConversion<string>().HasMaxLength(16);
        e.Property(k => k.OrphanReason).HasConversion<string>().HasMaxLength(24);
        e.Property(k => k.Hints).HasColumnType("integer[]");
        e.Property(k => k.Version).IsRowVersion();
        e.Ignore(k => k.HasEntraSide);
        e.Ignore(k => k.Latency);
        e.UseSnakeCaseColumns();
        e.HasIndex(k => new { k.TenantId, k.State, k.Id });
        e.HasIndex(k => new { k.TenantId, k.EntraUserId });
        e.HasIndex(k => new { k.TenantId, k.ObservedInAdAt });
    }
}
