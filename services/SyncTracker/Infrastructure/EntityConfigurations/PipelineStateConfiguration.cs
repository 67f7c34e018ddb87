using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Infrastructure.EntityConfigurations;

internal sealed class PipelineStateConfiguration : IEntityTypeConfiguration<PipelineState>
{
    public void Configure(EntityTypeBuilder<PipelineState> e)
    {
        e.ToTable("pipeline_states");
        e.HasKey(p => p.TenantId);
        e.Property(p => p.TenantId).ValueGeneratedNever();
        e.Property(p => p.Version).IsRowVersion();
        e.Ignore(p => p.IsStalled);
        e.Ignore(p => p.HasBacklog);
        e.UseSnakeCaseColumns();
    }
}
