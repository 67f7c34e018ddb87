using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;
using Whfb.Testing.Graph;

namespace Whfb.Policy.Tests.Intune;

/// <summary>
/// The Graph emulator with ring groups: Ring A holds user A1 (primary user of two Intune-managed PCs, and of an iPhone
/// and of a PC not in Entra, which are no ring devices), device 4 and nested group Ring B; Ring B holds user B1 (one PC),
/// device 5 and user C1 (no devices). Device 6 is in no ring. Big holds 1,200 devices (more than one page of transitive
/// members); Crowd holds 45 users with one managed PC each (devices 2000-2044). As in a hybrid tenant, no PC has a
/// registered user in Entra.
/// </summary>
public class IntuneEmulator : GraphEmulator
{
    public static readonly Guid RingA = Guid.Parse("a0000000-0000-4000-8000-00000000000a");
    public static readonly Guid RingB = Guid.Parse("b0000000-0000-4000-8000-00000000000b");
    public static readonly Guid Big = Guid.Parse("c0000000-0000-4000-8000-00000000000c");
    public const int BigSize = 1_200;
    public static readonly Guid Crowd = Guid.Parse("d0000000-0000-4000-8000-00000000000d");
    public const int CrowdSize = 45;

    public static Guid DeviceId(int i) => Guid.Parse($"00000000-0000-4000-a000-{i:D12}");

    public static Guid TenantGuid => Guid.Parse(TenantId);

    protected override void Seed(TenantDirectory directory, HelloMethodStore methods)
    {
        ArgumentNullException.ThrowIfNull(directory);
        directory.PutUser(new TenantUser { Id = "user-a1", UserPrincipalName = "a1@whfb.test", DisplayName = "A1" });
        directory.PutUser(new TenantUser { Id = "user-b1", UserPrincipalName = "b1@whfb.test", DisplayName = "B1" });
        directory.PutUser(new TenantUser { Id = "user-c1", UserPrincipalName = "c1@whfb.test", DisplayName = "C1 (no devices)" });
        Device(directory, 1, "user-a1");
        Device(directory, 2, "user-a1");
        Device(directory, 3, "user-b1");
        Device(directory, 4, null);
        Device(directory, 5, null);
        Device(directory, 6, null);
        Intune.ManagedDevices.Put(new ManagedDevice { Id = "iphone-a1", DeviceName = "A1's iPhone", AzureAdDeviceId = DeviceId(7), UserId = "user-a1", OperatingSystem = "iOS" });
        Intune.ManagedDevices.Put(new ManagedDevice { Id = "unjoined-a1", DeviceName = "PC-UNJOINED", UserId = "user-a1" });
        directory.PutGroup(new TenantGroup { Id = RingA.ToString(), DisplayName = "Ring A" });
        directory.PutGroup(new TenantGroup { Id = RingB.ToString(), DisplayName = "Ring B" });
        directory.PutGroup(new TenantGroup { Id = Big.ToString(), DisplayName = "Big" });
        directory.AddMembers(RingA.ToString(), "user-a1", "device-4", RingB.ToString());
        directory.AddMembers(RingB.ToString(), "user-b1", "device-5", "user-c1");
        for (var i = 100; i < 100 + BigSize; i++)
        {
            Device(directory, i, null);
        }

        directory.AddMembers(Big.ToString(), Enumerable.Range(100, BigSize).Select(i => $"device-{i}"));
        directory.PutGroup(new TenantGroup { Id = Crowd.ToString(), DisplayName = "Crowd" });
        for (var i = 2000; i < 2000 + CrowdSize; i++)
        {
            directory.PutUser(new TenantUser { Id = $"user-{i}", UserPrincipalName = $"u{i}@whfb.test", DisplayName = $"U{i}" });
            Device(directory, i, $"user-{i}");
            directory.AddMembers(Crowd.ToString(), $"user-{i}");
        }
    }

    /// <summary>A hybrid PC in Entra (no registered user), enrolled in Intune with <paramref name="user"/> as primary user.</summary>
    private void Device(TenantDirectory directory, int i, string? user)
    {
        directory.PutDevice(new TenantDevice { Id = $"device-{i}", DeviceId = DeviceId(i), DisplayName = $"PC-{i:D4}" });
        if (user is not null)
        {
            Intune.ManagedDevices.Put(new ManagedDevice { Id = $"intune-{i}", DeviceName = $"PC-{i:D4}", AzureAdDeviceId = DeviceId(i), UserId = user });
        }
    }
}

/// <summary>The same tenant with tiny budgets (5 requests per 2 s, Intune's too) so Intune writes and batch steps get 429 + Retry-After.</summary>
public sealed class ThrottledIntuneEmulator : IntuneEmulator
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:RequestsPerWindow"] = "5",
        ["Simulator:Graph:ThrottleWindow"] = "00:00:02",
        ["Simulator:Graph:Intune:Window"] = "00:00:02",
        ["Simulator:Graph:Intune:Configuration:RequestsPerApp"] = "5",
        ["Simulator:Graph:Intune:Devices:RequestsPerApp"] = "5",
    };
}
