namespace Whfb.Simulator.Intune;

/// <summary>The emulated Intune: settings-catalog configurationPolicies, deviceConfigurations and the managed devices.</summary>
public sealed class IntuneStore(TimeProvider time)
{
    public IntuneCollection ConfigurationPolicies { get; } = new("configurationPolicies", time);

    public IntuneCollection DeviceConfigurations { get; } = new("deviceConfigurations", time);

    public ManagedDeviceStore ManagedDevices { get; } = new();

    /// <summary>Every group any policy is assigned to, with the policy kind and id.</summary>
    public IEnumerable<(IntuneCollection Collection, string PolicyId, string GroupId)> Assignments() =>
        new[] { ConfigurationPolicies, DeviceConfigurations }.SelectMany(c => c.List()
            .SelectMany(p => c.AssignedGroups(p["id"]!.GetValue<string>()).Select(g => (c, p["id"]!.GetValue<string>(), g))));
}
