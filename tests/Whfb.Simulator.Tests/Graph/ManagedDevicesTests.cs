using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Whfb.Simulator.Tenant;
using Whfb.Testing.Graph;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>
/// Intune managed devices through the real SDK: a hybrid PC without a registered user in Entra has its primary user in
/// Intune, found from the user or by filtering the whole list the way Intune allows.
/// </summary>
public sealed class ManagedDevicesTests(ManagedDevicesTests.Tenant emulator) : IClassFixture<ManagedDevicesTests.Tenant>
{
    [Fact]
    public async Task A_users_managed_devices_are_the_PCs_whose_primary_user_they_are()
    {
        var client = emulator.Client();

        var managed = await client.Users[TestTenant.UserId(3)].ManagedDevices.GetAsync();

        var device = Assert.Single(managed!.Value!);
        Assert.Equal(("PC-003", TestTenant.DeviceId(3).ToString(), TestTenant.Upn(3), TestTenant.UserId(3)),
            (device.DeviceName, device.AzureADDeviceId, device.UserPrincipalName, device.UserId));
        Assert.Equal((ManagementAgentType.Mdm, "Windows"), (device.ManagementAgent, device.OperatingSystem));
        Assert.Null(emulator.Directory.FindDevice(TestTenant.DeviceObjectId(3))!.RegisteredUserId);
    }

    [Fact]
    public async Task The_list_filters_by_user_principal_name_and_by_Entra_device_id()
    {
        var client = emulator.Client();

        var byUpn = await client.DeviceManagement.ManagedDevices.GetAsync(r => r.QueryParameters.Filter = $"userPrincipalName eq '{TestTenant.Upn(7)}'");
        var byDevice = await client.DeviceManagement.ManagedDevices.GetAsync(r =>
            r.QueryParameters.Filter = $"azureADDeviceId eq '{TestTenant.DeviceId(8)}' and operatingSystem eq 'Windows'");
        var single = await client.DeviceManagement.ManagedDevices[Assert.Single(byUpn!.Value!).Id].GetAsync();

        Assert.Equal("PC-007", single!.DeviceName);
        Assert.Equal(TestTenant.UserId(8), Assert.Single(byDevice!.Value!).UserId);
    }

    [Theory]
    [InlineData("userPrincipalName eq 'u001@whfb.test' or userPrincipalName eq 'u002@whfb.test'")]
    [InlineData("userId eq '00000000-0000-4000-8000-000000000001'")]
    [InlineData("startswith(deviceName,'PC-')")]
    public async Task Filters_Intune_does_not_take_are_400(string filter)
    {
        var error = await Assert.ThrowsAsync<ODataError>(() => emulator.Client().DeviceManagement.ManagedDevices.GetAsync(r => r.QueryParameters.Filter = filter));

        Assert.Equal(400, error.ResponseStatusCode);
    }

    [Fact]
    public async Task Device_members_of_a_group_come_back_as_devices_from_transitive_members()
    {
        var members = await emulator.Client().Groups["devices"].TransitiveMembers.GetAsync();

        Assert.Equal([TestTenant.DeviceId(20).ToString(), TestTenant.DeviceId(21).ToString()],
            members!.Value!.Select(m => Assert.IsType<Device>(m).DeviceId).Order());
    }

    /// <summary>The test tenant with every PC enrolled in Intune (primary user: its user) and a group of two devices.</summary>
    public sealed class Tenant : GraphEmulatorFixture
    {
        protected override void Seed(TenantDirectory directory, HelloMethodStore methods)
        {
            base.Seed(directory, methods);
            var intune = Intune;
            for (var i = 0; i < TestTenant.UserCount; i++)
            {
                intune.ManagedDevices.Put(new Intune.ManagedDevice
                {
                    Id = $"intune-{i:D3}", DeviceName = $"PC-{i:D3}", AzureAdDeviceId = TestTenant.DeviceId(i),
                    UserId = TestTenant.UserId(i), UserPrincipalName = TestTenant.Upn(i), UserDisplayName = $"User {i:D3}",
                });
            }

            directory.PutGroup(new TenantGroup { Id = "devices", DisplayName = "WHfB device ring" });
            directory.AddMembers("devices", TestTenant.DeviceObjectId(20), TestTenant.DeviceObjectId(21));
        }
    }
}
