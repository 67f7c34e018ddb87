using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Infrastructure.EntityConfigurations;

internal sealed class AdLookupConfiguration : IEntityTypeConfiguration<AdLookup>
{
    public void Configure(EntityTypeBuilder<AdLookup> e)
    {
        e.ToTable("ad_lookups");
        e.HasKey(l => new { l.TenantId, l.EntraUserId });
        e.Property(l => l.Version).IsRowVersion();
        e.UseSnakeCaseColumns();
    }
}
