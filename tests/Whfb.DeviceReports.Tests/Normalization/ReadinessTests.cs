using Whfb.Contracts.Devices;

namespace Whfb.DeviceReports.Tests.Normalization;

public class ReadinessTests
{
    private const PrerequisiteState Yes = PrerequisiteState.Yes;
    private const PrerequisiteState No = PrerequisiteState.No;

    [Fact]
    public void Event_358_is_ready_with_every_prerequisite_from_eventData_pairs()
    {
        var e = Samples.Normalized<ProvisioningReadinessReported>("358-ready.json");

        Assert.True(e.IsReady);
        var p = e.Prerequisites;
        Assert.Equal([Yes, Yes, Yes, Yes, Yes, Yes, No],
            [p.DeviceIsJoined, p.AadPrt, p.NgcPolicyEnabled, p.PostLogonProvisioningEnabled, p.HardwarePolicyMet, p.UserIsNotRemote, p.LogonCertRequired]);
        Assert.Null(p.CloudTrustEnabled);
        Assert.Equal("none", e.PolicySource);
        Assert.Empty(e.ExtraValues);
        Assert.Equal(358, e.Header.WindowsEventId);
    }

    [Fact]
    public void Event_360_is_not_ready_and_names_the_failing_prerequisite()
    {
        var record = Samples.Record("360-not-ready.json");
        var e = Samples.Normalized<ProvisioningReadinessReported>("360-not-ready.json");

        Assert.Equal("Warning", record.Level);
        Assert.False(e.IsReady);
        Assert.Equal(No, e.Prerequisites.HardwarePolicyMet);
        Assert.Equal(Yes, e.Prerequisites.UserIsNotRemote);
    }

    [Fact]
    public void Old_build_without_post_logon_line_leaves_it_unknown()
    {
        var e = Samples.Normalized<ProvisioningReadinessReported>("360-old-build-no-post-logon.json");

        Assert.False(e.IsReady);
        Assert.Null(e.Prerequisites.PostLogonProvisioningEnabled);
        Assert.Equal(No, e.Prerequisites.AadPrt);
        Assert.Equal(Yes, e.Prerequisites.HardwarePolicyMet);
        Assert.Empty(e.ExtraValues);
    }

    [Fact]
    public void Newer_build_cloud_trust_lines_are_typed_and_unknown_lines_kept()
    {
        var e = Samples.Normalized<ProvisioningReadinessReported>("358-new-build-cloud-trust.json");

        Assert.True(e.IsReady);
        Assert.Equal(Yes, e.Prerequisites.CloudTrustEnabled);
        Assert.Equal(Yes, e.Prerequisites.HasCloudTgt);
        var extra = Assert.Single(e.ExtraValues);
        Assert.Equal(new ReportedValue("Enterprise device is compliant with the security baseline", "Yes"), extra);
    }

    [Fact]
    public void Event_361_from_eventData_only_has_the_mdm_prerequisite()
    {
        var e = Samples.Normalized<ProvisioningReadinessReported>("361-mdm-cert-trust.json");

        Assert.False(e.IsReady);
        Assert.Equal(No, e.Prerequisites.MdmCertEnrollmentReady);
        Assert.Equal(Yes, e.Prerequisites.LogonCertRequired);
        Assert.Equal("mdm", e.PolicySource);
    }

    [Fact]
    public void Event_362_reads_the_enrollment_authority_lines()
    {
        var e = Samples.Normalized<ProvisioningReadinessReported>("362-enrollment-authority.json");

        Assert.False(e.IsReady);
        Assert.Equal(PrerequisiteState.NotTested, e.Prerequisites.AdfsRaReady);
        Assert.Equal(PrerequisiteState.NotTested, e.Prerequisites.RaTemplateReady);
        Assert.Equal(No, e.Prerequisites.AdfsPrtPresent);
        Assert.Equal("enrollment authority", e.PolicySource);
        Assert.Equal(new ReportedValue("Certificate enrollment method", "enrollment authority"), Assert.Single(e.ExtraValues));
    }

    [Fact]
    public void Crlf_trailing_spaces_blank_lines_and_case_are_tolerated()
    {
        var e = Samples.Normalized<ProvisioningReadinessReported>("360-crlf-trailing-spaces.json");

        Assert.False(e.IsReady);
        Assert.Equal(Yes, e.Prerequisites.DeviceIsJoined);
        Assert.Equal(No, e.Prerequisites.HardwarePolicyMet);
        Assert.Equal(PrerequisiteState.NotTested, e.Prerequisites.UserIsNotRemote);
        Assert.Equal("none", e.PolicySource);
        Assert.Empty(e.ExtraValues);
        Assert.Equal(new DateTimeOffset(2025, 5, 23, 9, 0, 0, TimeSpan.Zero), e.Header.TimeCreated);
    }

    [Fact]
    public void EventData_wins_over_the_message_and_fills_what_it_lacks()
    {
        var record = Samples.Record("360-not-ready.json") with
        {
            EventData = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["NgcHardwarePolicyMet"] = "Yes", ["Surprise"] = "42" },
        };

        var e = Assert.IsType<ProvisioningReadinessReported>(
            DeviceReports.Normalization.DeviceEventNormalizer.Normalize(Samples.Tenant, record).Message);

        Assert.Equal(Yes, e.Prerequisites.HardwarePolicyMet);
        Assert.Equal(Yes, e.Prerequisites.NgcPolicyEnabled);
        Assert.Equal(new ReportedValue("Surprise", "42"), Assert.Single(e.ExtraValues));
    }
}
