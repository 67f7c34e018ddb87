namespace Whfb.Insights.Projections;

/// <summary>Current state of one device: its funnel steps (first time each was reached) and its dimensions.</summary>
public sealed class DeviceState
{
    public Guid TenantId { get; init; }
    public Guid DeviceId { get; init; }
    public string? DeviceName { get; set; }
    public string? Domain { get; set; }
    public string? DeviceModel { get; set; }
    public Guid? RolloutId { get; set; }
    public int? RingIndex { get; set; }
    public DateTimeOffset? PolicyAssignedAt { get; set; }
    public DateTimeOffset? PrereqsPassedAt { get; set; }
    public DateTimeOffset? KeyRegisteredAt { get; set; }
    public DateTimeOffset? KeyInAdAt { get; set; }
    public string? LastFailure { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
