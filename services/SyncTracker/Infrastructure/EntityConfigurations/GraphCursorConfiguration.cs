using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.SyncTracker.Graph;

namespace Whfb.SyncTracker.Infrastructure.EntityConfigurations;

internal sealed class GraphCursorConfiguration : IEntityTypeConfiguration<GraphCursor>
{
    public void Configure(EntityTypeBuilder<GraphCursor> e)
    {
        e.ToTable("graph_cursors");
        e.HasKey(c => new { c.TenantId, c.Name });
        e.Property(c => c.Name).HasMaxLength(32);
        e.Property(c => c.Version).IsRowVersion();
        e.UseSnakeCaseColumns();
    }
}
