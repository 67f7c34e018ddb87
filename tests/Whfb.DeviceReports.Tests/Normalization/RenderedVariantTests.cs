using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Normalization;

namespace Whfb.DeviceReports.Tests.Normalization;

/// <summary>Rendered messages as real devices vary them: colons inside values, spaced labels, blank lines, other cultures.</summary>
public class RenderedVariantTests
{
    private static object Normalize(int eventId, string message, Dictionary<string, string>? eventData = null) =>
        DeviceEventNormalizer.Normalize(Samples.Tenant, Samples.Record("358-ready.json") with
        {
            EventId = eventId,
            Message = message,
            EventData = eventData ?? [],
        }).Message;

    [Fact]
    public void Readiness_lines_with_spaced_colons_blank_lines_and_trailing_spaces_are_read_and_unknown_ones_kept_whole()
    {
        var message = "Windows Hello for Business provisioning will not be launched.  \r\n\r\n"
            + "Device is AAD joined ( AADJ or DJ++ ) : Yes   \r\n"
            + "   Local computer meets Windows hello for business hardware requirements :No\r\n\r\n"
            + "Some check a newer build adds: value : with: colons  \r\n"
            + "A line without any colon\r\n";

        var e = Assert.IsType<ProvisioningReadinessReported>(Normalize(360, message));

        Assert.False(e.IsReady);
        Assert.Equal(PrerequisiteState.Yes, e.Prerequisites.DeviceIsJoined);
        Assert.Equal(PrerequisiteState.No, e.Prerequisites.HardwarePolicyMet);
        Assert.Contains(new ReportedValue("Some check a newer build adds", "value : with: colons"), e.ExtraValues);
        Assert.Contains(new ReportedValue("A line without any colon", ""), e.ExtraValues);
    }

    [Fact]
    public void Key_registration_values_keep_their_colons_and_labels_may_have_a_space_before_theirs()
    {
        var message = "The Microsoft Passport key was successfully registered with Azure AD.\n\n"
            + "Key ID : {0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}  \n"
            + "UPN :ada@whfb.test\n"
            + "Attestation: ATT_TPM\n"
            + "Server response : {\"kid\":\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\", \"note\":\"Key ID: not a label here\"}\n";

        var e = Assert.IsType<NgcKeyRegistered>(Normalize(300, message));

        Assert.Equal(Guid.Parse("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"), e.KeyId);
        Assert.Equal(("ada@whfb.test", "ATT_TPM"), (e.UserPrincipalName, e.Attestation));
        Assert.Equal("{\"kid\":\"0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d\", \"note\":\"Key ID: not a label here\"}", e.ServerResponse);
    }

    [Fact]
    public void A_german_rendering_takes_its_values_from_EventData_and_keeps_its_lines()
    {
        var message = "Die Bereitstellung von Windows Hello for Business wird nicht gestartet.\r\n"
            + "Gerät ist in AAD eingebunden (AADJ oder DJ++): Ja\r\n"
            + "Der lokale Computer erfüllt die Hardwareanforderungen für Windows Hello for Business: Nein";
        var data = new Dictionary<string, string> { ["DeviceIsJoined"] = "Yes", ["NgcHardwarePolicyMet"] = "No" };

        var e = Assert.IsType<ProvisioningReadinessReported>(Normalize(360, message, data));

        Assert.False(e.IsReady);
        Assert.Equal(PrerequisiteState.Yes, e.Prerequisites.DeviceIsJoined);
        Assert.Equal(PrerequisiteState.No, e.Prerequisites.HardwarePolicyMet);
        Assert.Contains(new ReportedValue("Gerät ist in AAD eingebunden (AADJ oder DJ++)", "Ja"), e.ExtraValues);
    }
}
