using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.SyncTracker.ActiveDirectory;

namespace Whfb.SyncTracker.Infrastructure.EntityConfigurations;

internal sealed class ScanCheckpointConfiguration : IEntityTypeConfiguration<ScanCheckpoint>
{
    public void Configure(EntityTypeBuilder<ScanCheckpoint> e)
    {
        e.ToTable("scan_checkpoints");
        e.HasKey(c => new { c.TenantId, c.DsServiceName });
        e.Property(c => c.LastMode).HasMaxLength(16);
        e.Property(c => c.Version).IsRowVersion();
        e.UseSnakeCaseColumns();
    }
}
