using Whfb.Contracts.Devices;
using Whfb.Contracts.Keys;
using Whfb.Contracts.Policy;
using Whfb.Insights.Model;

namespace Whfb.Benchmarks.Insights;

/// <summary>
/// A realistic fleet history, device by device: ring assignment (10 rings), a dsregcmd status, prerequisite checks
/// (about 20% fail first on hardware), key registration (about 85%, 5% with an error code first), the key reaching AD
/// (latency 30-150 min; 3% stuck), 1% orphaned keys, and generic log entries up to the wanted events per device.
/// </summary>
public sealed class FleetEvents(Guid tenant, InsightsBenchOptions options, DateTimeOffset start)
{
    private static readonly (string Hex, uint Code, string Meaning)[] Codes =
    [
        ("0x801C03ED", 0x801C03ED, "MFA required for ProvisionKey"), ("0x80090035", 0x80090035, "policy requires TPM, device has none"),
        ("0x801C044D", 0x801C044D, "token has no device id (re-join)"), ("0xC00000BB", 0xC00000BB, "PIN temporarily unavailable"),
    ];

    private readonly Guid rollout = Guid.NewGuid();

    public Guid Tenant => tenant;

    /// <summary>Ring assignments first (one row per ring, listing its devices), then each device's own events.</summary>
    public IEnumerable<HistoryRow> Rows()
    {
        var devices = Enumerable.Range(0, options.Devices).Select(DeviceId).ToArray();
        for (var ring = 0; ring < 10; ring++)
        {
            var members = devices.Where((_, i) => i % 10 == ring).ToArray();
            var reference = new RolloutReference(tenant, rollout, "Fleet", ring, Guid.NewGuid());
            var at = start.AddDays(ring * options.Days / 12.0);
            yield return HistoryRows.Rollout(Guid.NewGuid(), reference, at, new RingAssigned(Guid.NewGuid(), reference, "policy", members, "bench", at));
        }

        var perDevice = Math.Max(4, (options.Events - 10) / options.Devices);
        for (var i = 0; i < devices.Length; i++)
        {
            foreach (var row in Device(i, devices[i], perDevice))
            {
                yield return row;
            }
        }
    }

    private IEnumerable<HistoryRow> Device(int i, Guid device, int count)
    {
        var random = new Random(i);
        var user = new Guid(i, 7, 7, 1, 2, 3, 4, 5, 6, 7, 8);
        var t = start.AddDays((i % 10) * options.Days / 12.0).AddHours(random.Next(1, 24 * 10));
        var emitted = 0;
        HistoryRow Emit(HistoryRow row) { emitted++; return row; }
        DeviceEventHeader Header(int id, DateTimeOffset at) => new(Guid.NewGuid(), tenant, device, $"PC-{i}", $"user{i}@contoso.test", user, "Admin", id, emitted, at);

        yield return Emit(new HistoryRow(Guid.NewGuid(), tenant, nameof(DeviceStatusReported), t, Status(device, i, t), device));
        if (random.NextDouble() < 0.2)
        {
            var failing = Header(360, t.AddMinutes(5));
            yield return Emit(HistoryRows.Device(failing, Readiness(failing, false), "not ready"));
            t = t.AddDays(random.Next(1, 5));
        }

        var ready = Header(358, t.AddMinutes(10));
        yield return Emit(HistoryRows.Device(ready, Readiness(ready, true), "ready"));
        if (random.NextDouble() < 0.05)
        {
            var code = Codes[random.Next(Codes.Length)];
            var failed = Header(301, t.AddMinutes(11));
            yield return Emit(HistoryRows.Device(failed, new NgcKeyRegistrationFailed(failed, new DeviceErrorCode(code.Code, code.Hex, code.Meaning),
                null, null, null, null, null, null), code.Hex));
        }

        if (random.NextDouble() < 0.85)
        {
            var registered = Header(300, t.AddMinutes(12));
            yield return Emit(HistoryRows.Device(registered, new NgcKeyRegistered(registered, Guid.NewGuid(), $"user{i}@contoso.test", "ATT_TPM", null, null, null)));
            var key = new KeyReference(tenant, user, $"user{i}@contoso.test", device, "entra", "ad", t.AddMinutes(12));
            if (random.NextDouble() < 0.03)
            {
                yield return Emit(HistoryRows.Key(Guid.NewGuid(), key, t.AddHours(3), new KeySyncStuck(Guid.NewGuid(), key, t.AddHours(3), TimeSpan.FromHours(3), [])));
            }
            else
            {
                var latency = TimeSpan.FromMinutes(30 + random.Next(0, 120));
                var synced = t.AddMinutes(12) + latency;
                yield return Emit(HistoryRows.Key(Guid.NewGuid(), key, synced, new KeySynced(Guid.NewGuid(), key, synced, latency)));
            }
        }

        if (random.NextDouble() < 0.01)
        {
            yield return Emit(new HistoryRow(Guid.NewGuid(), tenant, nameof(OrphanedKeyDetected), t.AddDays(1), new OrphanedKeyDetected(Guid.NewGuid(),
                tenant, user, "CN=u", $"orphan{i}", device, t, OrphanReason.DeviceDeleted, t.AddDays(1)), device, user));
        }

        while (emitted < count)
        {
            var log = Header(5000, t.AddMinutes(20 + emitted));
            yield return Emit(HistoryRows.Device(log, new DeviceLogEntryRecorded(log, "Information", "HelloForBusiness",
                new Dictionary<string, string> { ["TpmVersion"] = "2.0" }, "TPM info"), "Information"));
        }
    }

    private static Guid DeviceId(int i) => new(i, 1, 1, 9, 9, 9, 9, 9, 9, 9, 9);

    private DeviceStatusReported Status(Guid device, int i, DateTimeOffset at) => new(Guid.NewGuid(), tenant, device, $"PC-{i}", at,
        DeviceJoinType.HybridJoined, tenant, i % 3 == 0 ? "emea.contoso.test" : "contoso.test", true, null, "SUCCESS", null, null, true, null, true,
        null, null, null, null, null);

    private static ProvisioningReadinessReported Readiness(DeviceEventHeader header, bool ready)
    {
        var yes = PrerequisiteState.Yes;
        return new ProvisioningReadinessReported(header, ready, new ProvisioningPrerequisites(yes, yes, yes, yes,
            ready ? yes : PrerequisiteState.No, yes, PrerequisiteState.No, null, null, null, null, null, null), "none", []);
    }
}
