namespace Whfb.Insights.Model;

/// <summary>One device event in the append-only enrollment history.</summary>
public sealed class HistoryEvent
{
    public Guid Id { get; set; }
    public Guid TenantId { get; set; }
    public Guid DeviceId { get; set; }
    public string? DeviceName { get; set; }
    public string? UserPrincipalName { get; set; }
    public string Channel { get; set; } = "";
    public int WindowsEventId { get; set; }
    public long RecordId { get; set; }
    public DateTimeOffset TimeCreated { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
    public string Level { get; set; } = "";
    public string Payload { get; set; } = "{}";
}
