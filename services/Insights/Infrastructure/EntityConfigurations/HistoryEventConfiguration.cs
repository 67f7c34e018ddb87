using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Whfb.Insights.Model;

namespace Whfb.Insights.Infrastructure.EntityConfigurations;

internal sealed class HistoryEventConfiguration : IEntityTypeConfiguration<HistoryEvent>
{
    public void Configure(EntityTypeBuilder<HistoryEvent> e)
    {
        e.ToTable("device_event_history");
        e.HasKey(h => h.Id);
        e.Property(h => h.Id).HasColumnName("id");
        e.Property(h => h.TenantId).HasColumnName("tenant_id");
        e.Property(h => h.DeviceId).HasColumnName("device_id");
        e.Property(h => h.DeviceName).HasColumnName("device_name");
        e.Property(h => h.UserPrincipalName).HasColumnName("user_principal_name");
        e.Property(h => h.Channel).HasColumnName("channel");
        e.Property(h => h.WindowsEventId).HasColumnName("windows_event_id");
        e.Property(h => h.RecordId).HasColumnName("record_id");
        e.Property(h => h.TimeCreated).HasColumnName("time_created");
        e.Property(h => h.ReceivedAt).HasColumnName("received_at");
        e.Property(h => h.Level).HasColumnName("level");
        e.Property(h => h.Payload).HasColumnName("payload").HasColumnType("jsonb");
        e.HasIndex(h => new { h.TenantId, h.DeviceId, h.TimeCreated });
    }
}
