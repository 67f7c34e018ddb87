using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.SyncTracker.Domain;

namespace Whfb.SyncTracker.Infrastructure.EntityConfigurations;

internal sealed class EntraUserConfiguration : IEntityTypeConfiguration<EntraUser>
{
    public void Configure(EntityTypeBuilder<EntraUser> e)
    {
        e.ToTable("entra_users");
        e.HasKey(u => new { u.TenantId, u.UserId });
        e.Property(u => u.Version).IsRowVersion();
        e.Ignore(u => u.HasOnPremisesAnchor);
        e.UseSnakeCaseColumns();
    }
}
