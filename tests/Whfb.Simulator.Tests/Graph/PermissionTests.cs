using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Whfb.Simulator.Graph.Permissions;
using static Whfb.Simulator.Graph.Permissions.ApplicationPermissions;

namespace Whfb.Simulator.Tests.Graph;

/// <summary>Each route admits only the application permissions its Microsoft Graph page names, as a real tenant does.</summary>
public sealed class PermissionTests(PermissionsEmulatorFixture emulator) : IClassFixture<PermissionsEmulatorFixture>
{
    [Fact]
    public async Task The_token_carries_the_consented_permissions_as_roles()
    {
        emulator.Consent(UserReadAll, WindowsHelloReadAll);
        using var raw = new RawGraph(emulator);

        var token = await raw.TokenAsync();
        var payload = JsonNode.Parse(WebEncoders.Base64UrlDecode(token.Split('.')[1]))!;

        Assert.Equal([UserReadAll, WindowsHelloReadAll], payload["roles"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        Assert.Equal(GraphEmulatorFixture.TenantId, payload["tid"]!.GetValue<string>());
        Assert.Equal(GraphEmulatorFixture.ClientId, payload["appid"]!.GetValue<string>());
        Assert.Equal("app", payload["idtyp"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_route_without_its_permission_is_403_Authorization_RequestDenied_through_the_SDK()
    {
        emulator.Consent(WindowsHelloReadAll);

        var error = await Assert.ThrowsAsync<ODataError>(() => emulator.Client().Users.GetAsync());
        var methods = await emulator.Client().Users[TestTenant.UserId(0)].Authentication.WindowsHelloForBusinessMethods.GetAsync();

        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("Authorization_RequestDenied", error.Error!.Code);
        Assert.Single(methods!.Value!);
    }

    [Fact]
    public async Task A_higher_privileged_permission_the_page_lists_also_admits()
    {
        emulator.Consent(AuthMethodReadWriteAll);

        var methods = await emulator.Client().Users[TestTenant.UserId(0)].Authentication.WindowsHelloForBusinessMethods.GetAsync();

        Assert.Single(methods!.Value!);
    }

    [Fact]
    public async Task Members_the_app_may_not_read_come_back_with_id_and_type_only_and_no_error()
    {
        emulator.Consent(GroupMemberReadAll);
        var client = emulator.Client();

        var limited = await client.Groups["ring1"].TransitiveMembers.GetAsync();
        emulator.Consent(GroupMemberReadAll, UserReadAll);
        var full = await emulator.Client().Groups["ring1"].TransitiveMembers.GetAsync();

        var user = Assert.IsType<User>(limited!.Value![0]);
        Assert.Equal(TestTenant.UserId(0), user.Id);
        Assert.Null(user.UserPrincipalName);
        Assert.Equal(TestTenant.Upn(0), Assert.IsType<User>(full!.Value![0]).UserPrincipalName);
    }

    [Fact]
    public async Task The_registration_report_without_AuditLog_is_403_naming_the_permission()
    {
        emulator.Consent(UserReadAll);
        using var raw = new RawGraph(emulator);

        var (status, body) = await raw.JsonAsync(HttpMethod.Get, "beta/reports/authenticationMethods/userRegistrationDetails");

        Assert.Equal(403, status);
        Assert.Equal("Authentication_MSGraphPermissionMissing", body!["error"]!["code"]!.GetValue<string>());
        Assert.Contains(AuditLogReadAll, body["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intune_reads_with_Read_All_but_writes_need_ReadWrite_All_and_say_so_in_Intunes_words()
    {
        emulator.Consent(ConfigurationReadAll);
        var client = emulator.Client();

        var list = await client.DeviceManagement.DeviceConfigurations.GetAsync();
        var error = await Assert.ThrowsAsync<ODataError>(() => client.DeviceManagement.DeviceConfigurations.PostAsync(
            new Windows10CustomConfiguration { DisplayName = "WHfB", OmaSettings = [] }));

        Assert.NotNull(list);
        Assert.Equal(403, error.ResponseStatusCode);
        Assert.Equal("Forbidden", error.Error!.Code);
        Assert.Contains($"must have one of the following scopes: {ConfigurationReadWriteAll}", error.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_a_batch_a_step_without_its_permission_is_403_on_its_own()
    {
        emulator.Consent(WindowsHelloReadAll);
        var client = emulator.Client();
        var batch = new BatchRequestContentCollection(client);
        var allowed = await batch.AddBatchRequestStepAsync(client.Users[TestTenant.UserId(0)].Authentication.WindowsHelloForBusinessMethods.ToGetRequestInformation());
        var denied = await batch.AddBatchRequestStepAsync(client.Users[TestTenant.UserId(0)].ToGetRequestInformation());

        var statuses = await (await client.Batch.PostAsync(batch)).GetResponsesStatusCodesAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, statuses[allowed]);
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, statuses[denied]);
    }

    [Fact]
    public async Task A_users_registered_devices_are_not_for_apps_even_with_every_directory_permission()
    {
        emulator.Consent(DirectoryReadAll, DirectoryReadWriteAll, DeviceReadAll, UserReadAll);

        var error = await Assert.ThrowsAsync<ODataError>(() => emulator.Client().Users[TestTenant.UserId(0)].RegisteredDevices.GetAsync());

        Assert.Equal((403, "Authorization_RequestDenied"), (error.ResponseStatusCode, error.Error!.Code));
    }

    [Fact]
    public void A_route_the_table_does_not_know_cannot_be_served()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RoutePermissions.For("GET", "users/{id}/calendar"));

        Assert.Contains("no entry", error.Message, StringComparison.Ordinal);
    }
}
