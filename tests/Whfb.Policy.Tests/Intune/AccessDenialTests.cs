using Whfb.GraphClient.Access;
using Whfb.Policy.Intune;
using static Whfb.Simulator.Graph.Permissions.ApplicationPermissions;

namespace Whfb.Policy.Tests.Intune;

/// <summary>
/// A permission the app lacks stops the Graph layer with the feature and what to grant, whether Graph says 403, says it
/// inside a $batch step, or answers members with id only; the observer hears each refusal and each success.
/// </summary>
public sealed class AccessDenialTests(ConsentIntuneEmulator emulator) : IClassFixture<ConsentIntuneEmulator>
{
    [Fact]
    public async Task Users_returned_with_id_only_are_the_missing_User_Read_All_not_an_empty_ring()
    {
        emulator.ConsentAllBut(UserReadAll, UserReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll);
        await using var host = await IntuneHost.StartAsync(emulator);

        var error = await Assert.ThrowsAsync<GraphAccessDeniedException>(() => host.Rings.ResolveAsync(IntuneEmulator.RingB, IntuneHost.Caller(), CancellationToken.None));

        Assert.Equal((GraphFeatures.RingUsers, "LimitedInformation"), (error.Feature, error.Denial.Code));
        Assert.Equal(["User.Read.All"], error.Remedy);
        Assert.Contains("User.Read.All", error.Message, StringComparison.Ordinal);
        Assert.Equal(["allowed ring-members", "denied ring-users"], host.Access.Heard);
    }

    [Fact]
    public async Task Devices_returned_with_id_only_are_the_missing_Device_Read_All()
    {
        emulator.ConsentAllBut(DeviceReadAll, DeviceReadWriteAll, DirectoryReadAll, DirectoryReadWriteAll);
        await using var host = await IntuneHost.StartAsync(emulator);

        var error = await Assert.ThrowsAsync<GraphAccessDeniedException>(() => host.Rings.ResolveAsync(IntuneEmulator.Big, IntuneHost.Caller(), CancellationToken.None));

        Assert.Equal(GraphFeatures.RingDevices, error.Feature);
        Assert.Equal(["Device.Read.All"], error.Remedy);
    }

    [Fact]
    public async Task A_403_inside_a_batch_stops_at_once_instead_of_going_round_as_if_throttled()
    {
        emulator.ConsentAllBut(ManagedDevicesReadAll, ManagedDevicesReadWriteAll);
        await using var host = await IntuneHost.StartAsync(emulator);
        var caller = IntuneHost.Caller();

        var error = await Assert.ThrowsAsync<GraphAccessDeniedException>(() => host.Rings.ResolveAsync(IntuneEmulator.Crowd, caller, CancellationToken.None));

        Assert.Equal((GraphFeatures.ManagedDevices, "Forbidden"), (error.Feature, error.Denial.Code));
        Assert.Equal(["DeviceManagementManagedDevices.Read.All"], error.Remedy);
        Assert.Single(host.Audit.For(caller.RolloutId!.Value), c => c.Url.EndsWith("/$batch", StringComparison.Ordinal));
        Assert.Equal(["allowed ring-members", "allowed ring-users", "denied managed-devices"], host.Access.Heard);
    }

    [Fact]
    public async Task Intune_writes_without_ReadWrite_All_are_refused_as_the_intune_policy_feature_and_a_grant_lets_them_through()
    {
        emulator.ConsentAllBut(ConfigurationReadWriteAll);
        await using var host = await IntuneHost.StartAsync(emulator);
        var spec = new IntunePolicySpec(IntuneEmulator.TenantGuid, $"WHfB denied {Guid.NewGuid():N}", IntunePolicyMode.SettingsCatalog,
            new WhfbSettings(true, true, WhfbScope.Device));

        var error = await Assert.ThrowsAsync<GraphAccessDeniedException>(() => host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None));
        emulator.ConsentAllBut();
        var created = await host.Policies.EnsureAsync(spec, IntuneHost.Caller(), CancellationToken.None);

        Assert.Equal((GraphFeatures.IntunePolicy, "Forbidden"), (error.Feature, error.Denial.Code));
        Assert.Equal(["DeviceManagementConfiguration.ReadWrite.All"], error.Remedy);
        Assert.True(created.Created);
        Assert.Equal(["denied intune-policy", "allowed intune-policy"], host.Access.Heard);
    }
}
