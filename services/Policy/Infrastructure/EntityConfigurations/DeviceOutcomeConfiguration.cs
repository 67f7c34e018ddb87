using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.Policy.Model;

namespace Whfb.Policy.Infrastructure.EntityConfigurations;

internal sealed class DeviceOutcomeConfiguration : IEntityTypeConfiguration<DeviceOutcome>
{
    public void Configure(EntityTypeBuilder<DeviceOutcome> e)
    {
        e.ToTable("device_outcomes");
        e.HasKey(d => new { d.RolloutId, d.DeviceId });
        e.Property(d => d.GpoValues).AsJson();
        e.Property(d => d.Version).IsRowVersion();
        e.HasIndex(d => new { d.TenantId, d.DeviceId });
        e.HasIndex(d => new { d.TenantId, d.UserId });
        e.HasIndex(d => new { d.TenantId, d.Upn });
        e.HasIndex(d => new { d.RolloutId, d.RingIndex });
    }
}
