using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.SyncTracker.Graph.Access;

namespace Whfb.SyncTracker.Infrastructure.EntityConfigurations;

internal sealed class GraphAccessRecordConfiguration : IEntityTypeConfiguration<GraphAccessRecord>
{
    public void Configure(EntityTypeBuilder<GraphAccessRecord> e)
    {
        e.ToTable("graph_access_denials");
        e.HasKey(r => new { r.TenantId, r.Feature });
        e.Property(r => r.Feature).HasMaxLength(64);
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Code).HasMaxLength(128);
        e.Property(r => r.Message).HasMaxLength(1024);
        e.UseSnakeCaseColumns();
    }
}
