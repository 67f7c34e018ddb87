using Whfb.Contracts.Devices;
using Whfb.Contracts.Keys;
using Whfb.Contracts.Policy;

namespace Whfb.Insights.Tests.Support;

/// <summary>Lifecycle messages as the producers send them, with the values a test cares about up front.</summary>
public static class Events
{
    public static readonly DateTimeOffset T0 = new(2026, 10, 30, 9, 0, 0, TimeSpan.Zero);

    public static DeviceEventHeader Header(Guid tenant, Guid device, int windowsEventId, DateTimeOffset at, Guid? user = null) =>
        new(Guid.NewGuid(), tenant, device, $"PC-{device.ToString()[..4]}", "ada@contoso.test", user, "Microsoft-Windows-User Device Registration/Admin",
            windowsEventId, Random.Shared.NextInt64(1, long.MaxValue), at);

    public static ProvisioningReadinessReported Readiness(Guid tenant, Guid device, bool ready, DateTimeOffset at) =>
        new(Header(tenant, device, ready ? 358 : 360, at), ready,
            new ProvisioningPrerequisites(PrerequisiteState.Yes, PrerequisiteState.Yes, PrerequisiteState.Yes, PrerequisiteState.Yes,
                ready ? PrerequisiteState.Yes : PrerequisiteState.No, PrerequisiteState.Yes, PrerequisiteState.No, null, null, null, null, null, null),
            "none", []);

    public static NgcKeyRegistered Registered(Guid tenant, Guid device, Guid user, DateTimeOffset at) =>
        new(Header(tenant, device, 300, at, user), Guid.NewGuid(), "ada@contoso.test", "ATT_TPM", null, null, null);

    public static NgcKeyRegistrationFailed Failed(Guid tenant, Guid device, DateTimeOffset at) =>
        new(Header(tenant, device, 301, at), new DeviceErrorCode(0x801C03ED, "0x801C03ED", "MFA required for ProvisionKey"),
            null, null, null, null, null, null);

    public static DeviceStatusReported Status(Guid tenant, Guid device, string domain, DateTimeOffset at) =>
        new(Guid.NewGuid(), tenant, device, "PC", at, DeviceJoinType.HybridJoined, tenant, domain, true, null, "SUCCESS",
            true, null, true, null, true, null, "WillProvision", null, null, null);

    public static KeyReference Key(Guid tenant, Guid user, Guid device, DateTimeOffset created) =>
        new(tenant, user, "ada@contoso.test", device, "entra-key", "ad-key", created);

    public static KeySynced Synced(Guid tenant, Guid user, Guid device, DateTimeOffset at, TimeSpan latency) =>
        new(Guid.NewGuid(), Key(tenant, user, device, at - latency), at, latency);

    /// <summary>A key Graph listed without its device: only its Entra key id (Graph's method id), and no AD KeyID (not in AD).</summary>
    public static KeyReference Deviceless(Guid tenant, Guid user, string entraKeyId, DateTimeOffset created) =>
        new(tenant, user, "ada@contoso.test", null, entraKeyId, null, created);

    /// <summary>A key stuck for 3 hours, with the hints given (default: a user-specific one, AdminSdHolderProtected).</summary>
    public static KeySyncStuck Stuck(Guid tenant, Guid user, Guid device, DateTimeOffset at, params StuckKeyHint[] hints) =>
        Stuck(Key(tenant, user, device, at.AddHours(-3)), at, hints);

    /// <summary>The key stuck at <paramref name="at"/>, with the hints given (default: AdminSdHolderProtected).</summary>
    public static KeySyncStuck Stuck(KeyReference key, DateTimeOffset at, params StuckKeyHint[] hints) =>
        new(Guid.NewGuid(), key, at, at - key.CreatedInEntraAt, hints.Length == 0 ? [StuckKeyHint.AdminSdHolderProtected] : hints);

    /// <summary><paramref name="count"/> keys of new users and devices, stuck only because the pipeline stalled.</summary>
    public static KeySyncStuck[] PipelineStuck(Guid tenant, int count, DateTimeOffset at) =>
        [.. Enumerable.Range(0, count).Select(_ => Stuck(tenant, Guid.NewGuid(), Guid.NewGuid(), at, StuckKeyHint.PipelineStalled))];

    /// <summary>The key of <paramref name="stuck"/> reached AD at <paramref name="at"/>.</summary>
    public static KeySyncRecovered Recovery(KeySyncStuck stuck, DateTimeOffset at) =>
        new(Guid.NewGuid(), stuck.Key, stuck.DetectedAt, at, at - stuck.Key.CreatedInEntraAt);

    /// <summary>The key of <paramref name="stuck"/> reached AD at <paramref name="at"/>: its AD value names the device and the AD KeyID.</summary>
    public static KeySyncRecovered Recovery(KeySyncStuck stuck, DateTimeOffset at, Guid device) =>
        Recovery(stuck, at) with { Key = stuck.Key with { DeviceId = device, AdKeyId = $"ad-{stuck.Key.EntraKeyId}" } };

    public static KeySyncRecovered Recovered(Guid tenant, Guid user, Guid device, DateTimeOffset at) =>
        new(Guid.NewGuid(), Key(tenant, user, device, at.AddHours(-4)), at.AddHours(-1), at, TimeSpan.FromHours(4));

    public static SyncPipelineStalled Stalled(Guid tenant, DateTimeOffset at, int keysWaiting) =>
        new(Guid.NewGuid(), tenant, at, at.AddHours(-1), keysWaiting);

    public static SyncPipelineRecovered PipelineRecovered(Guid tenant, DateTimeOffset stalledSince, DateTimeOffset at) =>
        new(Guid.NewGuid(), tenant, stalledSince, at, 0);

    public static SyncBacklogDetected Backlog(Guid tenant, DateTimeOffset at, int keysWaiting) =>
        new(Guid.NewGuid(), tenant, at, 400, 650, keysWaiting, TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromMinutes(30));

    public static SyncBacklogCleared BacklogCleared(Guid tenant, DateTimeOffset since, DateTimeOffset at) => new(Guid.NewGuid(), tenant, since, at, 0);

    public static OrphanedKeyDetected Orphan(Guid tenant, Guid device, DateTimeOffset at) =>
        new(Guid.NewGuid(), tenant, Guid.NewGuid(), "CN=Ada,DC=contoso,DC=test", "orphan-key", device, at.AddDays(-30), OrphanReason.DeviceDeleted, at);

    public static RolloutReference Rollout(Guid tenant, Guid rollout, int? ring) => new(tenant, rollout, "Pilot", ring, Guid.NewGuid());

    public static RingAssigned Assigned(Guid tenant, Guid rollout, int ring, DateTimeOffset at, params Guid[] devices) =>
        new(Guid.NewGuid(), Rollout(tenant, rollout, ring), "policy-1", devices, "admin@contoso.test", at);

    public static RolloutHalted Halted(Guid tenant, Guid rollout, DateTimeOffset at) =>
        new(Guid.NewGuid(), Rollout(tenant, rollout, 0), new GateVerdict(false, 10, 0.5, 0.3, 2, TimeSpan.FromDays(1), ["too many failures"]),
            "too many failures", at);

    public static RolloutResumed Resumed(Guid tenant, Guid rollout, DateTimeOffset at) => new(Guid.NewGuid(), Rollout(tenant, rollout, 0), "admin", at);
}
