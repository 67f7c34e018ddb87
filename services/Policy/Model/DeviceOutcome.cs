using Whfb.Contracts.Devices;

namespace Whfb.Policy.Model;

/// <summary>What the telemetry says about one device of an assigned ring. <see cref="Version"/> (xmin) serialises concurrent events.</summary>
public sealed class DeviceOutcome
{
    public Guid RolloutId { get; set; }

    public Guid DeviceId { get; set; }

    public Guid TenantId { get; set; }

    public int RingIndex { get; set; }

    public string? DeviceName { get; set; }

    public Guid? UserId { get; set; }

    /// <summary>Lower case.</summary>
    public string? Upn { get; set; }

    /// <summary>The latest prerequisite check (358 ready / 360 not ready), null before any.</summary>
    public bool? PrerequisitesPassed { get; set; }

    public DateTimeOffset? ReadinessAt { get; set; }

    public bool Provisioned { get; set; }

    public bool ProvisioningFailed { get; set; }

    public bool KeySynced { get; set; }

    public bool KeyStuck { get; set; }

    /// <summary>
    /// When the newest key sync event applied happened (stuck: detected; synced or recovered: seen in AD). Stuck and
    /// recovered arrive on queues of their own, so a recovery may be consumed before the stuck event it closes.
    /// </summary>
    public DateTimeOffset? KeySyncStateAt { get; set; }

    /// <summary>PassportForWork values set by Group Policy (an open GPO conflict); null when none.</summary>
    public List<PolicySettingValue>? GpoValues { get; set; }

    public DateTimeOffset? PolicyStateAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public uint Version { get; set; }
}
