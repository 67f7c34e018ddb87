using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Dsregcmd;

namespace Whfb.DeviceReports.Tests.Dsregcmd;

public class DsregcmdParserTests
{
    private static DsregcmdStatus Parse(string file) => DsregcmdParser.Parse(Samples.Text("Dsregcmd/" + file));

    [Fact]
    public void Hybrid_joined_with_whfb_set_up()
    {
        var s = Parse("hybrid-whfb.txt");

        Assert.Equal(DeviceJoinType.HybridJoined, s.JoinType);
        Assert.Equal((true, false, true, "CONTOSO", "LT-CONTOSO-0142.contoso.com"),
            (s.DeviceState.AzureAdJoined, s.DeviceState.EnterpriseJoined, s.DeviceState.DomainJoined, s.DeviceState.DomainName, s.DeviceState.DeviceName));
        Assert.Equal(Samples.Device, s.DeviceDetails.DeviceId);
        Assert.Equal("4CE054C0269C0108B29934E9D7AA55244C5C247C", s.DeviceDetails.Thumbprint);
        Assert.Equal("Microsoft Platform Crypto Provider", s.DeviceDetails.KeyProvider);
        Assert.True(s.DeviceDetails.TpmProtected);
        Assert.Equal("SUCCESS", s.DeviceDetails.DeviceAuthStatus);
        Assert.Equal(("Contoso", Samples.Tenant), (s.TenantDetails.TenantName, s.TenantDetails.TenantId!.Value));
        Assert.Equal(true, s.UserState.NgcSet);
        Assert.Equal(Guid.Parse("8d2c3b1a-4e5f-4071-9a8b-c7d6e5f4a3b2"), s.UserState.NgcKeyId);
        Assert.Equal("DestructiveAndNonDestructive", s.UserState.CanReset);
        Assert.Equal(false, s.UserState.WorkplaceJoined);
        Assert.Equal(new DateTimeOffset(2025, 5, 20, 7, 41, 50, TimeSpan.Zero), s.SsoState.AzureAdPrtUpdateTime);
        Assert.Equal((true, true, true), (s.SsoState.AzureAdPrt!.Value, s.SsoState.OnPremTgt!.Value, s.SsoState.CloudTgt!.Value));
        Assert.Equal("PASSED", s.Diagnostics.KeySignTest);
        Assert.Null(s.NgcPrerequisites);
        Assert.Empty(s.Warnings);
    }

    [Fact]
    public void Sections_keep_every_field_in_order_with_values_that_hold_colons()
    {
        var s = Parse("hybrid-whfb.txt");

        Assert.Equal(["Device State", "Device Details", "Tenant Details", "User State", "SSO State", "Diagnostic Data",
            "IE Proxy Config for Current User", "WinHttp Default Proxy Config"], s.Sections.Select(x => x.Name));
        Assert.Equal(DsregcmdSectionKind.Unknown, s.Sections[^1].Kind);
        var tenant = s.Sections[2];
        Assert.Equal("TenantName", tenant.Fields[0].Name);
        Assert.Equal("https://enterpriseregistration.windows.net/EnrollmentServer/key/", s.Field("tenant details", "KeySrvUrl"));
        Assert.Equal("", s.Field("Tenant Details", "MdmTouUrl"));
        Assert.Equal("[ 2025-01-10 08:35:03.000 UTC -- 2035-01-10 09:05:03.000 UTC ]", s.Field("Device Details", "DeviceCertificateValidity"));
        Assert.Equal("For more information, please visit https://www.microsoft.com/aadjerrors", Assert.Single(s.UnknownLines).Text);
    }

    [Fact]
    public void Entra_joined_with_ngc_check_showing_will_not_provision()
    {
        var s = Parse("entra-joined-will-not-provision.txt");

        Assert.Equal(DeviceJoinType.EntraJoined, s.JoinType);
        Assert.False(s.DeviceDetails.TpmProtected);
        var ngc = s.NgcPrerequisites!;
        Assert.Equal("WillNotProvision", ngc.PreReqResult);
        Assert.False(ngc.WillProvision);
        Assert.False(ngc.PolicyEnabled);
        Assert.True(ngc.IsUserAzureAd);
        Assert.Equal("none", ngc.CertEnrollment);
    }

    [Fact]
    public void Domain_joined_only_with_failed_registration_diagnostics()
    {
        var s = Parse("domain-joined-only.txt");

        Assert.Equal(DeviceJoinType.DomainJoined, s.JoinType);
        Assert.Equal("0x801c0021", s.Diagnostics.ClientErrorCode);
        Assert.Equal("DirectoryError", s.Diagnostics.ServerErrorCode);
        Assert.Equal("FAIL [0x801c0021/0x80072ee2]", s.Field("Diagnostic Data", "DRS Discovery Test"));
        Assert.Null(s.DeviceDetails.DeviceId);
        Assert.Equal(false, s.NgcPrerequisites!.IsDeviceJoined);
    }

    [Fact]
    public void Registered_device()
    {
        var s = Parse("registered.txt");

        Assert.Equal(DeviceJoinType.Registered, s.JoinType);
        Assert.True(s.UserState.WorkplaceJoined);
        Assert.Equal(Samples.Tenant.ToString(), s.Field("User State", "WorkplaceTenantId"));
    }

    [Fact]
    public void Mangled_output_still_yields_the_typed_fields()
    {
        var s = Parse("mangled.txt");

        Assert.Equal(DeviceJoinType.HybridJoined, s.JoinType);
        Assert.Equal("LT-CONTOSO-0199", s.DeviceState.DeviceName);
        Assert.Equal(Guid.Parse("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"), s.DeviceDetails.DeviceId);
        Assert.True(s.DeviceDetails.TpmProtected);
        Assert.Equal("FAILED. Device is either disabled or deleted", s.DeviceDetails.DeviceAuthStatus);
        Assert.Equal(Samples.Tenant, s.TenantDetails.TenantId);
        Assert.Equal(false, s.UserState.NgcSet);
        Assert.Equal("0x801c03f3", s.Diagnostics.ClientErrorCode);
        Assert.Equal("FAILED", s.Diagnostics.KeySignTest);
        Assert.Equal(new DateTimeOffset(2025, 5, 20, 7, 41, 50, TimeSpan.Zero), s.SsoState.AzureAdPrtUpdateTime);
    }

    [Fact]
    public void Mangled_output_joins_continuation_lines_to_their_field()
    {
        var s = Parse("mangled.txt");

        Assert.Equal("The device object by the given id (1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d)\nis not found.", s.Field("Diagnostic Data", "Server Message"));
        Assert.Equal("AADSTS50126: Error validating credentials due to invalid\nusername or password. Trace ID: 0f4e2d1c\nTimestamp: 2025-05-22 08:10:34Z",
            s.Field("SSO State", "Server Error Description"));
        Assert.Equal("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/token/", s.Field("SSO State", "Endpoint URI"));
        Assert.Equal("Password", s.Field("SSO State", "Credential Type"));
    }

    [Fact]
    public void Mangled_output_keeps_stray_lines_and_warns_about_them()
    {
        var s = Parse("mangled.txt");

        Assert.Equal(["PS C:\\> dsregcmd /status", "https://login.microsoftonline.com/dangling", "this line belongs to nothing",
            "For more information, please visit https://www.microsoft.com/aadjerrors"], s.UnknownLines.Select(l => l.Text));
        Assert.Null(s.UnknownLines[0].Section);
        Assert.Equal("Tenant Details", s.UnknownLines[1].Section);
        Assert.Equal([1, 21, 51], s.Warnings.Select(w => w.Line));
        Assert.Equal("Work Account 1", s.Sections[^1].Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("garbage without structure")]
    public void Empty_or_garbage_input_gives_an_unknown_join_type(string? text)
    {
        var s = DsregcmdParser.Parse(text);

        Assert.Equal(DeviceJoinType.Unknown, s.JoinType);
        Assert.Empty(s.Sections);
    }

    [Fact]
    public void Not_joined_when_every_join_flag_is_no()
    {
        var s = DsregcmdParser.Parse("| Device State |\nAzureAdJoined : NO\nDomainJoined : NO\n| User State |\nWorkplaceJoined : NO");

        Assert.Equal(DeviceJoinType.NotJoined, s.JoinType);
    }
}
