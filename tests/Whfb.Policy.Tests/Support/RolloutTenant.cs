using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;
using Whfb.Testing.Graph;

namespace Whfb.Policy.Tests.Support;

/// <summary>
/// The Graph emulator with a tenant whose ring groups are made per test: each a security group of fresh devices. Tokens
/// live under five minutes, so a test that changes the app's consent sees it on the next call.
/// </summary>
public sealed class RolloutTenant : GraphEmulator
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Simulator:Graph:TokenLifetime"] = "00:04:00",
    };

    public static Guid Tenant => Guid.Parse(TenantId);

    /// <summary>A security group with <paramref name="devices"/> new member devices; returns its id and their device ids.</summary>
    public (Guid GroupId, IReadOnlyList<Guid> DeviceIds) NewRing(string name, int devices)
    {
        var group = Directory.PutGroup(new TenantGroup { Id = Guid.NewGuid().ToString(), DisplayName = name });
        var ids = new List<Guid>();
        var objectIds = new List<string>();
        for (var i = 0; i < devices; i++)
        {
            var device = Directory.PutDevice(new TenantDevice { Id = Guid.NewGuid().ToString(), DeviceId = Guid.NewGuid(), DisplayName = $"{name}-PC{i:D2}" });
            ids.Add(device.DeviceId);
            objectIds.Add(device.Id);
        }

        Directory.AddMembers(group.Id, objectIds);
        return (Guid.Parse(group.Id), ids);
    }

    /// <summary>
    /// A user whose hybrid PC (no registered user in Entra) has them as Intune primary user, made a member of the group;
    /// returns the user's id and the PC's device id.
    /// </summary>
    public (Guid UserId, Guid DeviceId) AddUserMember(Guid groupId, string name)
    {
        var user = Directory.PutUser(new TenantUser { Id = Guid.NewGuid().ToString(), UserPrincipalName = $"{name}@whfb.test", DisplayName = name });
        var device = Directory.PutDevice(new TenantDevice { Id = Guid.NewGuid().ToString(), DeviceId = Guid.NewGuid(), DisplayName = $"{name}-LAPTOP" });
        Intune.ManagedDevices.Put(new ManagedDevice
        {
            Id = Guid.NewGuid().ToString(), DeviceName = device.DisplayName, AzureAdDeviceId = device.DeviceId, UserId = user.Id,
            UserPrincipalName = user.UserPrincipalName,
        });
        Directory.AddMembers(groupId.ToString(), user.Id);
        return (Guid.Parse(user.Id), device.DeviceId);
    }

    /// <summary>Group ids the emulated Intune has the policy assigned to.</summary>
    public IReadOnlyList<Guid> AssignedGroups(string policyId) =>
        Intune.Assignments().Where(a => a.PolicyId == policyId).Select(a => Guid.Parse(a.GroupId)).ToList();
}
