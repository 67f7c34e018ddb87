namespace Whfb.Contracts.Devices;

/// <summary>
/// A device's WHfB policy state read from its registry (GPO and MDM PassportForWork keys) and
/// the verdict derived from it. <see cref="GpoOverridesMdm"/> is the conflict the Policy service
/// flags: both channels configure WHfB and GPO silently wins.
/// </summary>
/// <param name="UsePassportForWork">Effective value (GPO <c>Enabled</c> / MDM <c>UsePassportForWork</c>), null when unset.</param>
/// <param name="ConflictingSettings">Settings both channels set to different values.</param>
public sealed record PolicyStateReported(
    Guid EventId,
    Guid TenantId,
    Guid DeviceId,
    DateTimeOffset CollectedAt,
    DevicePolicySource EffectiveSource,
    bool GpoOverridesMdm,
    bool? UsePassportForWork,
    bool? RequireSecurityDevice,
    IReadOnlyList<string> ConflictingSettings,
    IReadOnlyList<PolicySettingValue> Values);
