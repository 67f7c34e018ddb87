using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Normalization;

namespace Whfb.DeviceReports.Tests.Normalization;

public class DeviceEventTests
{
    [Fact]
    public void Event_304_is_a_join_failure_with_multi_line_debug_output()
    {
        var e = Samples.Normalized<DeviceRegistrationFailed>("304-join.json");

        Assert.Equal(DeviceRegistrationStage.Join, e.Stage);
        Assert.Equal(0x801C03F2u, e.ExitCode!.Code);
        Assert.Contains("proxyAddresses", e.ExitCode.Meaning);
        Assert.StartsWith("The device object by the given id", e.ServerErrorMessage);
        Assert.Equal("Federated", e.TenantType);
        Assert.Equal("fallback_sync", e.JoinType);
        Assert.Equal("joinMode: Join\n drsInstance: azure\n registrationType: fallback_sync\n tenantType: Federated", e.DebugOutput);
    }

    [Fact]
    public void Event_305_from_eventData_is_an_authentication_failure()
    {
        var e = Samples.Normalized<DeviceRegistrationFailed>("305-auth.json");

        Assert.Equal(DeviceRegistrationStage.Authentication, e.Stage);
        Assert.Equal("0x801C0021", e.ExitCode!.Hex);
        Assert.Null(e.ExitCode.Meaning);
        Assert.Equal("contoso.onmicrosoft.com", e.TenantName);
        Assert.Equal("Managed", e.TenantType);
    }

    [Fact]
    public void Event_307_single_sentence_is_an_scp_lookup_failure()
    {
        var e = Samples.Normalized<DeviceRegistrationFailed>("307-scp.json");

        Assert.Equal(DeviceRegistrationStage.ScpLookup, e.Stage);
        Assert.Equal(0x801C001Du, e.ExitCode!.Code);
    }

    [Fact]
    public void Event_308_names_the_non_entra_user()
    {
        var e = Samples.Normalized<NonEntraUserSignedIn>("308-non-entra-user.json");

        Assert.Equal("CONTOSO\\svc-kiosk", e.User);
        Assert.Null(e.Header.UserPrincipalName);
    }

    [Theory]
    [InlineData("306-unknown-event.json", 306)]
    [InlineData("5000-other-channel.json", 5000)]
    public void Other_events_are_kept_as_generic_log_entries(string file, int eventId)
    {
        var record = Samples.Record(file);
        var e = Samples.Normalized<DeviceLogEntryRecorded>(file);

        Assert.Equal(eventId, e.Header.WindowsEventId);
        Assert.Equal(record.Message, e.Message);
        Assert.Equal(record.EventData, e.EventData);
        Assert.Equal("Information", e.Level);
    }

    [Fact]
    public void Typed_event_ids_on_another_channel_stay_generic()
    {
        var record = Samples.Record("300-multi-line.json") with { Channel = "Application" };

        Assert.IsType<DeviceLogEntryRecorded>(DeviceEventNormalizer.Normalize(Samples.Tenant, record).Message);
    }

    [Fact]
    public void Every_event_carries_tenant_device_user_time_and_the_record_id()
    {
        foreach (var file in System.IO.Directory.GetFiles(Samples.PathOf("Events")).Select(Path.GetFileName))
        {
            var record = Samples.Record(file!);
            var normalized = DeviceEventNormalizer.Normalize(Samples.Tenant, record);
            var header = Samples.HeaderOf(normalized.Message);

            Assert.Equal(normalized.Header, header);
            Assert.Equal(Samples.Tenant, header.TenantId);
            Assert.Equal(Samples.Device, header.DeviceId);
            Assert.Equal("LT-CONTOSO-0142", header.DeviceName);
            Assert.Equal(record.TimeCreated, header.TimeCreated);
            Assert.Equal(record.RecordId, header.RecordId);
            Assert.Equal(DeterministicIds.ForDeviceEvent(Samples.Tenant, Samples.Device, record.Channel, record.RecordId), header.EventId);
        }
    }
}
