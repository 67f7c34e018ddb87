using Whfb.Contracts.Devices;

namespace Whfb.DeviceReports.Normalization;

/// <summary>
/// One record normalized: <see cref="Message"/> is the typed contract to publish
/// (<see cref="ProvisioningReadinessReported"/>, <see cref="NgcKeyRegistered"/>,
/// <see cref="NgcKeyRegistrationFailed"/>, <see cref="DeviceRegistrationFailed"/>,
/// <see cref="NgcKeyRemoved"/>, <see cref="NonEntraUserSignedIn"/> or, for anything else,
/// <see cref="DeviceLogEntryRecorded"/>); its header is repeated here for convenience.
/// </summary>
public sealed record NormalizedDeviceEvent(DeviceEventHeader Header, object Message);
