using Whfb.Contracts.Devices;
using Whfb.Contracts.Keys;

namespace Whfb.Policy.Tests.Support;

/// <summary>The lifecycle events Ingest and SyncTracker publish, for one device of the served tenant.</summary>
public static class Telemetry
{
    /// <summary>A PassportForWork value set by computer Group Policy: on a targeted device, a GPO conflict.</summary>
    public static readonly PolicySettingValue Gpo = new(PolicyScope.ComputerGpo, "Enabled", "0", null);

    /// <summary>The value the Intune policy sets.</summary>
    public static readonly PolicySettingValue Mdm = new(PolicyScope.DeviceMdm, "UsePassportForWork", "true", RolloutTenant.TenantId);

    private static readonly ProvisioningPrerequisites Ready = new(
        PrerequisiteState.Yes, PrerequisiteState.Yes, PrerequisiteState.Yes, PrerequisiteState.Yes, PrerequisiteState.Yes, PrerequisiteState.Yes,
        null, null, null, null, null, null, null);

    private static readonly ProvisioningPrerequisites NotReady = Ready with { NgcPolicyEnabled = PrerequisiteState.No };

    public static DeviceEventHeader Header(Guid device, int eventId, Guid? user = null, Guid? eventGuid = null) => new(
        eventGuid ?? Guid.NewGuid(), RolloutTenant.Tenant, device, $"PC-{device.ToString()[..8]}", user is null ? null : $"{user}@whfb.test",
        user, "Microsoft-Windows-User Device Registration/Admin", eventId, Random.Shared.NextInt64(1, long.MaxValue), PolicyHost.Start);

    public static ProvisioningReadinessReported Readiness(Guid device, bool ready, DateTimeOffset? at = null) =>
        new(Header(device, ready ? 358 : 360) with { TimeCreated = at ?? PolicyHost.Start }, ready, ready ? Ready : NotReady, null, []);

    public static NgcKeyRegistered Registered(Guid device, Guid? user = null, Guid? eventGuid = null) =>
        new(Header(device, 300, user, eventGuid), Guid.NewGuid(), null, null, null, null, null);

    public static NgcKeyRegistrationFailed Failed(Guid device) =>
        new(Header(device, 301), new DeviceErrorCode(0x801C03ED, "0x801C03ED", "Multi-factor authentication is required"), null, null, null, null, null, null);

    public static KeyReference Key(Guid user, Guid? device) => new(RolloutTenant.Tenant, user, null, device, null, null, PolicyHost.Start);

    public static KeySynced Synced(Guid user, Guid? device) => new(Guid.NewGuid(), Key(user, device), PolicyHost.Start.AddMinutes(40), TimeSpan.FromMinutes(40));

    public static KeySyncStuck Stuck(Guid user, Guid? device) =>
        new(Guid.NewGuid(), Key(user, device), PolicyHost.Start.AddHours(2), TimeSpan.FromHours(2), [StuckKeyHint.PipelineStalled]);

    public static PolicyStateReported PolicyState(Guid device, DateTimeOffset at, params PolicySettingValue[] values) => new(
        Guid.NewGuid(), RolloutTenant.Tenant, device, at,
        values.Any(v => v.Scope is PolicyScope.ComputerGpo or PolicyScope.UserGpo) ? DevicePolicySource.Gpo : DevicePolicySource.Mdm,
        false, true, true, [], values);
}
