using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.Policy.Audit;

namespace Whfb.Policy.Infrastructure.EntityConfigurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).UseIdentityAlwaysColumn();
        e.Property(a => a.Kind).HasMaxLength(8);
        e.Property(a => a.Action).HasMaxLength(32);
        e.HasIndex(a => new { a.TenantId, a.RolloutId, a.Id });
    }
}
