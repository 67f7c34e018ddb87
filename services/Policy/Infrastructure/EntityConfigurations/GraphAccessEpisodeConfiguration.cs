using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.Policy.Model;

namespace Whfb.Policy.Infrastructure.EntityConfigurations;

internal sealed class GraphAccessEpisodeConfiguration : IEntityTypeConfiguration<GraphAccessEpisode>
{
    public void Configure(EntityTypeBuilder<GraphAccessEpisode> e)
    {
        e.ToTable("graph_access_episodes");
        e.HasKey(a => a.Feature);
        e.Property(a => a.Feature).HasMaxLength(64);
        e.Property(a => a.Kind).HasMaxLength(16);
        e.Property(a => a.Code).HasMaxLength(128);
    }
}
