using Whfb.Contracts.Devices;

namespace Whfb.Contracts.Policy;

/// <summary>
/// A device in a targeted ring has PassportForWork set by Group Policy: GPO wins and the Intune setting is ignored.
/// </summary>
public sealed record GpoConflictDetected(
    Guid EventId, RolloutReference Rollout, Guid DeviceId, string? DeviceName, IReadOnlyList<PolicySettingValue> Values, DateTimeOffset At);
