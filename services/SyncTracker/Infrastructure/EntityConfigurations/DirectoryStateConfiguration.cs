using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Infrastructure.EntityConfigurations;

internal sealed class DirectoryStateConfiguration : IEntityTypeConfiguration<DirectoryState>
{
    public void Configure(EntityTypeBuilder<DirectoryState> e)
    {
        e.ToTable("directory_states");
        e.HasKey(d => d.TenantId);
        e.Property(d => d.TenantId).ValueGeneratedNever();
        e.Property(d => d.Version).IsRowVersion();
        e.Property(d => d.Server).HasMaxLength(512);
        e.Property(d => d.LastError).HasMaxLength(2000);
        e.UseSnakeCaseColumns();
    }
}
