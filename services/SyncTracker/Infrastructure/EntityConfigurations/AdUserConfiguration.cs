using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Infrastructure.EntityConfigurations;

internal sealed class AdUserConfiguration : IEntityTypeConfiguration<AdUser>
{
    public void Configure(EntityTypeBuilder<AdUser> e)
    {
        e.ToTable("ad_users");
        e.HasKey(u => new { u.TenantId, u.ObjectGuid });
        e.Property(u => u.Version).IsRowVersion();
        e.UseSnakeCaseColumns();
    }
}
