using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.Policy.Model;

namespace Whfb.Policy.Infrastructure.EntityConfigurations;

internal sealed class RolloutRingConfiguration : IEntityTypeConfiguration<RolloutRing>
{
    public void Configure(EntityTypeBuilder<RolloutRing> e)
    {
        e.ToTable("rollout_rings");
        e.HasKey(r => new { r.RolloutId, r.Index });
        e.Property(r => r.Name).HasMaxLength(200);
        e.Property(r => r.State).HasConversion<string>().HasMaxLength(12);
        e.Property(r => r.Gate).AsJson();
        e.Property(r => r.FinalVerdict).AsJson();
        e.Property(r => r.MemberUserIds).HasColumnType("text[]");
        e.Property(r => r.MemberUpns).HasColumnType("text[]");
    }
}
