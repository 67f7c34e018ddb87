using System.Text.Json.Nodes;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// Steps the fleet on <see cref="TimeProvider"/> time. A device starts once WHfB policy reaches it (GPO, or the
/// Intune policy assigned to a group its user or the device itself is in, unless a GPO conflict overrides it); an Intune policy arrives at
/// the device's next MDM check-in (<c>policyCheckIn</c> after the assignment); its user signs in after the device's delay; it then reports readiness (358/360) and, when ready, registers a key (300, creating the
/// WHfB method in the emulated Entra) or fails (301 with its code).
/// </summary>
public sealed class FleetSimulation(
    IReadOnlyList<FleetDevice> devices, TenantDirectory directory, HelloMethodStore methods, IntuneStore intune,
    string tenantId, int seed, TimeProvider time, TimeSpan policyCheckIn = default)
{
    private readonly Dictionary<int, DateTimeOffset> _policySince = [];
    private readonly HashSet<int> _done = [];
    private readonly Random _keys = new(seed ^ 0x5eed);
    private readonly Dictionary<string, int> _failureCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Outcome> _outcomes = [];
    private long _recordId = 1000;

    private const int Concurrency = 8;

    public IReadOnlyList<FleetDevice> Devices => devices;

    /// <summary>Devices the policy has reached that have not reported yet (the fleet is not done while any wait).</summary>
    public int Waiting => _policySince.Count - _policySince.Keys.Count(_done.Contains);

    /// <summary>One step: devices whose user signs in now report; each device's report goes to the sink. The records sent.</summary>
    public async Task<int> StepAsync(IDeviceReportSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var now = time.GetUtcNow();
        var assigned = AssignedMembers();
        var reports = new List<DeviceReport>();
        foreach (var device in devices.Where(d => !_done.Contains(d.Index)))
        {
            var intune = assigned.Contains(device.User.Id) || assigned.Contains(device.Device.Id);
            if (!device.GpoEnabled && !intune)
            {
                continue;
            }

            var since = _policySince.TryGetValue(device.Index, out var known) ? known : _policySince[device.Index] = now;
            var checkIn = device.GpoEnabled ? TimeSpan.Zero : policyCheckIn;
            if (now < since + checkIn + TimeSpan.FromSeconds(device.SignInDelaySeconds))
            {
                continue;
            }

            _done.Add(device.Index);
            var records = new List<JsonObject>();
            var keyId = SignIn(device, now, records);
            reports.Add(new DeviceReport(device.Device.DeviceId, device.Device.DisplayName, DeviceReportTexts.Dsregcmd(device, tenantId, keyId),
                DeviceReportTexts.PolicyState(device, tenantId, intune, now), records));
        }

        // Devices report concurrently, as a fleet does; each device's own posts stay in order, with its own key.
        await Parallel.ForEachAsync(reports, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (report, token) => await sink.SendAsync(report, token));
        return reports.Sum(r => r.Records.Count);
    }

    private enum Outcome { NotReady, Failed, Registered }

    /// <summary>The numbers so far; <paramref name="rings"/> names the ring groups (name, group id) in ring order.</summary>
    public FleetStats Stats(int ringsAssigned, int stalledCycles, IReadOnlyList<(string Name, string GroupId)> rings) => new()
    {
        Devices = devices.Count,
        DevicesPerRing = devices.GroupBy(d => d.Ring).OrderBy(g => g.Key).Select(g => g.Count()).ToList(),
        RingsAssigned = ringsAssigned,
        PolicyReached = _policySince.Count,
        SignedIn = _done.Count,
        Ready358 = Count(_ => true, Outcome.Failed, Outcome.Registered),
        NotReady360 = Count(_ => true, Outcome.NotReady),
        Registered300 = Count(_ => true, Outcome.Registered),
        Failed301 = Count(_ => true, Outcome.Failed),
        FailureCodes = new Dictionary<string, int>(_failureCodes),
        InjectedNotHybridJoined = devices.Count(d => !d.HybridJoined),
        InjectedNoTpm = devices.Count(d => !d.HasTpm),
        InjectedRemoteDesktop = devices.Count(d => d.RemoteDesktop),
        InjectedGpoEnabled = devices.Count(d => d.GpoEnabled),
        InjectedGpoConflicts = devices.Count(d => d.GpoConflict),
        InjectedOutOfSyncScope = devices.Count(d => d.OutOfSyncScope),
        InjectedAdminSdHolder = devices.Count(d => d.AdminSdHolder),
        InjectedStalledCycles = stalledCycles,
        InjectedOrphanedKeys = devices.Count(d => d.OrphanedAdKey),
        Rings = rings.Select((r, i) => new RingStats(r.Name, r.GroupId, devices.Count(d => d.Ring == i),
            devices.Count(d => d.Ring == i && _policySince.ContainsKey(d.Index)), Count(d => d.Ring == i, Outcome.Failed, Outcome.Registered),
            Count(d => d.Ring == i, Outcome.NotReady), Count(d => d.Ring == i, Outcome.Registered), Count(d => d.Ring == i, Outcome.Failed))).ToList(),
        ExpectedStuckUsers = devices.Where(d => (d.OutOfSyncScope || d.AdminSdHolder) && methods.ForUser(d.User.Id).Count > 0)
            .Select(d => d.User.UserPrincipalName).ToList(),
        ExpectedStuckKeys = devices.Where(d => d.OutOfSyncScope || d.AdminSdHolder).Sum(d => methods.ForUser(d.User.Id).Count),
        OrphanedKeyAccounts = devices.Where(d => d.OrphanedAdKey).Select(d => d.AdAccountName).ToList(),
        GpoConflictDevices = devices.Where(d => d.GpoConflict).Select(d => d.Device.DisplayName).ToList(),
    };

    private Guid? SignIn(FleetDevice device, DateTimeOffset now, List<JsonObject> records)
    {
        var policyEnabled = device.GpoEnabled || !device.GpoConflict;
        var ready = policyEnabled && device.PrerequisitesMet;
        records.Add(CollectorRecords.Readiness(device, policyEnabled, ++_recordId, now));
        if (!ready)
        {
            _outcomes[device.Index] = Outcome.NotReady;
            return null;
        }

        if (device.FailureCode is { } code)
        {
            _outcomes[device.Index] = Outcome.Failed;
            _failureCodes[code] = _failureCodes.GetValueOrDefault(code) + 1;
            records.Add(CollectorRecords.KeyRegistrationFailed(device, code, ++_recordId, now));
            return null;
        }

        var material = SimulatedKeyMaterial.Create(_keys);
        var keyId = new Guid(System.Security.Cryptography.SHA256.HashData(material).AsSpan(0, 16));
        methods.Add(new HelloMethod
        {
            Id = keyId.ToString(), UserId = device.User.Id, DeviceObjectId = device.Device.Id, DeviceId = device.Device.DeviceId,
            DisplayName = device.Device.DisplayName, CreatedDateTime = now, KeyMaterial = material,
        });
        _outcomes[device.Index] = Outcome.Registered;
        records.Add(CollectorRecords.KeyRegistered(device, keyId, ++_recordId, now));
        return keyId;
    }

    private int Count(Func<FleetDevice, bool> which, params Outcome[] outcomes) =>
        devices.Count(d => which(d) && _outcomes.TryGetValue(d.Index, out var o) && outcomes.Contains(o));

    /// <summary>Users and devices in the groups the policy is assigned to (nested groups expanded).</summary>
    private HashSet<string> AssignedMembers() => intune.Assignments()
        .SelectMany(a => directory.TransitiveMembers(a.GroupId))
        .ToHashSet(StringComparer.OrdinalIgnoreCase);
}
