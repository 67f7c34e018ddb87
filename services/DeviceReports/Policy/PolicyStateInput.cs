using Whfb.Contracts.Devices;

namespace Whfb.DeviceReports.Policy;

/// <summary>What a collector reported about the PassportForWork registry keys, flattened to values with their scope.</summary>
public sealed record PolicyStateInput(Guid DeviceId, DateTimeOffset CollectedAt, IReadOnlyList<PolicySettingValue> Values);

/// <summary>A policy-state document read, or why it was rejected.</summary>
public sealed record PolicyStateReadResult(PolicyStateInput? State, Records.RecordReadError? Error)
{
    public bool IsValid => State is not null;
}
