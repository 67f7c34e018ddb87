using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.Policy.Model;

namespace Whfb.Policy.Infrastructure.EntityConfigurations;

internal sealed class RolloutConfiguration : IEntityTypeConfiguration<Rollout>
{
    public void Configure(EntityTypeBuilder<Rollout> e)
    {
        e.ToTable("rollouts");
        e.HasKey(r => r.Id);
        e.Property(r => r.Name).HasMaxLength(200);
        e.Property(r => r.Mode).HasConversion<string>().HasMaxLength(24);
        e.Property(r => r.Scope).HasConversion<string>().HasMaxLength(8);
        e.Property(r => r.State).HasConversion<string>().HasMaxLength(12);
        e.Property(r => r.Version).IsRowVersion();
        e.Ignore(r => r.Current);
        e.HasMany(r => r.Rings).WithOne().HasForeignKey(r => r.RolloutId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(r => new { r.TenantId, r.CreatedAt });
        e.HasIndex(r => r.State);
    }
}
