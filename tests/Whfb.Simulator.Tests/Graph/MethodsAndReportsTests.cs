namespace Whfb.Simulator.Tests.Graph;

public sealed class MethodsAndReportsTests(GraphEmulatorFixture emulator) : IClassFixture<GraphEmulatorFixture>
{
    [Fact]
    public async Task Hello_methods_list_ignores_expand_and_only_the_single_get_expands_the_device()
    {
        var methods = emulator.Client().Users[TestTenant.UserId(5)].Authentication.WindowsHelloForBusinessMethods;

        var list = await methods.GetAsync(r => r.QueryParameters.Expand = ["device"]);
        var method = Assert.Single(list!.Value!);
        var single = await methods[method.Id].GetAsync(r => r.QueryParameters.Expand = ["device"]);
        var plain = await methods[method.Id].GetAsync();

        Assert.Equal("PC-005", method.DisplayName);
        Assert.Equal(TestTenant.Created.AddMinutes(5), method.CreatedDateTime);
        Assert.Equal(Microsoft.Graph.Models.AuthenticationMethodKeyStrength.Normal, method.KeyStrength);
        Assert.Null(method.Device);
        Assert.Equal(TestTenant.DeviceId(5).ToString(), single!.Device!.DeviceId);
        Assert.Null(plain!.Device);
    }

    [Fact]
    public async Task Registration_details_filter_on_windowsHelloForBusiness_returns_only_users_with_keys()
    {
        var report = await emulator.Client().Reports.AuthenticationMethods.UserRegistrationDetails.GetAsync(r =>
            r.QueryParameters.Filter = "methodsRegistered/any(m:m eq 'windowsHelloForBusiness')");

        Assert.Equal(TestTenant.UsersWithKeys, report!.Value!.Count);
        Assert.All(report.Value, d => Assert.Contains("windowsHelloForBusiness", d.MethodsRegistered!));
    }

    [Fact]
    public async Task Transitive_members_include_nested_groups_members()
    {
        var client = emulator.Client();

        var direct = await client.Groups["ring2"].Members.GetAsync();
        var transitive = await client.Groups["ring2"].TransitiveMembers.GetAsync();

        Assert.Equal(11, direct!.Value!.Count);
        Assert.Equal(21, transitive!.Value!.Count);
        Assert.Equal(20, transitive.Value.OfType<Microsoft.Graph.Models.User>().Count());
        Assert.Single(transitive.Value.OfType<Microsoft.Graph.Models.Group>());
    }

    [Fact]
    public async Task Devices_filter_by_deviceId()
    {
        var page = await emulator.Client().Devices.GetAsync(r => r.QueryParameters.Filter = $"deviceId eq '{TestTenant.DeviceId(9)}'");

        Assert.Equal("PC-009", Assert.Single(page!.Value!).DisplayName);
    }
}
