using Whfb.Contracts.Ids;
using Whfb.Simulator.Intune;
using Whfb.Simulator.Tenant;

namespace Whfb.Simulator.Fleet;

/// <summary>
/// Puts a built fleet into the emulated tenant as a hybrid tenant has it: each user; each hybrid-joined PC as an Entra
/// device synced from AD (trust type ServerAd, no registered user or owner; a PC that is not hybrid joined is not in Entra);
/// each PC enrolled in Intune with its user as primary user (with the empty Entra device id when it is not in Entra); and
/// the ring groups, of users or of the PCs' Entra devices as the scenario says.
/// </summary>
public static class FleetTenant
{
    /// <summary>When the fleet's PCs were enrolled: before any scenario runs.</summary>
    public static readonly DateTimeOffset Enrolled = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    public static void Populate(Scenario scenario, IReadOnlyList<FleetDevice> devices, TenantDirectory directory, IntuneStore intune, Func<string> newId)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(intune);
        ArgumentNullException.ThrowIfNull(newId);
        foreach (var device in devices)
        {
            directory.PutUser(device.User);
            if (device.HybridJoined)
            {
                directory.PutDevice(device.Device);
            }

            intune.ManagedDevices.Put(Enrolment(device));
        }

        for (var r = 0; r < scenario.Rings.Count; r++)
        {
            var group = directory.PutGroup(new TenantGroup { Id = newId(), DisplayName = scenario.Rings[r].Name });
            var members = devices.Where(d => d.Ring == r);
            directory.AddMembers(group.Id, scenario.RingMembers == RingMembers.Devices
                ? members.Where(d => d.HybridJoined).Select(d => d.Device.Id)
                : members.Select(d => d.User.Id));
        }
    }

    /// <summary>The Intune record of a PC; its Intune id is derived from the Entra device id, so the same seed gives the same id.</summary>
    public static ManagedDevice Enrolment(FleetDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return new ManagedDevice
        {
            Id = NameBasedIds.Md5Guid($"intune:{device.Device.DeviceId}").ToString(),
            DeviceName = device.Device.DisplayName,
            AzureAdDeviceId = device.HybridJoined ? device.Device.DeviceId : Guid.Empty,
            UserId = device.User.Id,
            UserPrincipalName = device.User.UserPrincipalName,
            UserDisplayName = device.User.DisplayName,
            EnrolledDateTime = Enrolled,
        };
    }
}
