namespace Whfb.Contracts.Devices;

/// <summary>
/// The device checked the WHfB prerequisites at sign-in (event 358 ready, 360 not ready,
/// 361 MDM certificate-trust variant, 362 enrollment-authority variant).
/// </summary>
/// <param name="PolicySource">From "Machine is governed by X policy" (e.g. none, enrollment authority).</param>
/// <param name="ExtraValues">Lines or EventData fields this version does not know (newer or older builds).</param>
public sealed record ProvisioningReadinessReported(
    DeviceEventHeader Header,
    bool IsReady,
    ProvisioningPrerequisites Prerequisites,
    string? PolicySource,
    IReadOnlyList<ReportedValue> ExtraValues);
