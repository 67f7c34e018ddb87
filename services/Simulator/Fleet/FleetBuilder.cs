using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// Builds the fleet of a scenario deterministically from its seed: users, devices, their Intune enrolment and ring
/// groups in the emulated tenant (<see cref="FleetTenant"/>), and which devices carry which fault.
/// </summary>
public static class FleetBuilder
{
    public static IReadOnlyList<FleetDevice> Build(Scenario scenario, TenantDirectory directory, IntuneStore intune)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var random = new Random(scenario.Seed);
        var conflicts = Pick(random, scenario.Devices, scenario.Faults.GpoConflicts);
        var protectedUsers = Pick(random, scenario.Devices, scenario.Faults.AdminSdHolderUsers);
        var orphans = Pick(new Random(scenario.Seed ^ 0x0dd), scenario.Devices, scenario.Faults.OrphanedKeys);
        var rings = RingOf(scenario);
        var devices = new List<FleetDevice>(scenario.Devices);
        for (var i = 0; i < scenario.Devices; i++)
        {
            devices.Add(Create(scenario, random, i, rings[i], conflicts.Contains(i), protectedUsers.Contains(i)) with { OrphanedAdKey = orphans.Contains(i) });
        }

        FleetTenant.Populate(scenario, devices, directory, intune, () => Id(random));
        return devices;
    }

    /// <summary>The ring group ids in ring order (looked up by display name).</summary>
    public static IReadOnlyList<string> RingGroupIds(Scenario scenario, TenantDirectory directory) =>
        scenario.Rings.Select(r => directory.Groups().First(g => g.DisplayName == r.Name).Id).ToList();

    private static FleetDevice Create(Scenario scenario, Random random, int i, int ring, bool conflict, bool adminSdHolder)
    {
        var faults = scenario.Faults;
        var (userId, objectId, deviceId) = (Id(random), Id(random), Guid.Parse(Id(random)));
        var name = $"{scenario.Name}-{i:D5}";
        var failed = random.NextDouble() < faults.ProvisioningFailure;
        return new FleetDevice
        {
            Index = i,
            Ring = ring,
            User = new TenantUser { Id = userId, UserPrincipalName = $"{name}@whfb.test", DisplayName = $"User {name}" },
            Device = new TenantDevice { Id = objectId, DeviceId = deviceId, DisplayName = $"PC-{name}".ToUpperInvariant() },
            HybridJoined = random.NextDouble() >= faults.NotHybridJoined,
            HasTpm = random.NextDouble() >= faults.NoTpm,
            RemoteDesktop = random.NextDouble() < faults.RemoteDesktop,
            GpoEnabled = !conflict && random.NextDouble() < faults.GpoEnabled,
            GpoConflict = conflict,
            FailureCode = failed ? faults.FailureCodes[random.Next(faults.FailureCodes.Count)] : null,
            OutOfSyncScope = random.NextDouble() < faults.OutOfSyncScope,
            AdminSdHolder = adminSdHolder,
            SignInDelaySeconds = random.NextDouble() * scenario.Timing.SignInSpreadSeconds,
        };
    }

    private static int[] RingOf(Scenario scenario)
    {
        var rings = new int[scenario.Devices];
        var (start, total) = (0, scenario.Rings.Sum(r => r.Share));
        for (var r = 0; r < scenario.Rings.Count; r++)
        {
            var end = r == scenario.Rings.Count - 1 ? scenario.Devices : start + (int)Math.Round(scenario.Devices * scenario.Rings[r].Share / total);
            Array.Fill(rings, r, start, Math.Max(0, Math.Min(end, scenario.Devices) - start));
            start = Math.Min(end, scenario.Devices);
        }

        return rings;
    }

    private static HashSet<int> Pick(Random random, int count, int howMany) =>
        Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(Math.Min(howMany, count)).ToHashSet();

    private static string Id(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
