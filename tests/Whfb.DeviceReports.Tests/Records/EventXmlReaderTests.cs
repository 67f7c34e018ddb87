using System.Text;
using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;
using Whfb.DeviceReports.Records.Xml;

namespace Whfb.DeviceReports.Tests.Records;

public class EventXmlReaderTests
{
    private static readonly Guid Pc7 = Guid.Parse("7e7e7e7e-0007-4007-8007-7e7e7e7e7e7e");

    private static List<RecordReadResult> Read(byte[] xml, Func<string?, Guid?>? device = null) =>
        new EventXmlReader(new FixedClock(Samples.Now)).Read(xml, device ?? (_ => Samples.Device)).ToList();

    private static List<RecordReadResult> Read(string xml) => Read(Encoding.UTF8.GetBytes(xml));

    private static string Event(string system, string rest = "") =>
        $"<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>{system}</System>{rest}</Event>";

    private const string GoodSystem = "<EventID>300</EventID><TimeCreated SystemTime='2025-05-20T07:00:00Z'/><EventRecordID>1</EventRecordID><Channel>c</Channel>";

    [Fact]
    public void A_rendered_sequence_without_wrapper_reads_as_collector_records()
    {
        var results = Read(Samples.Bytes("Xml/rendered-sequence.xml"));

        Assert.All(results, r => Assert.True(r.IsValid, r.Error?.Reason));
        var (readiness, key) = (results[0].Record!, results[1].Record!);
        Assert.Equal((358, 4101L, 1), (readiness.EventId, readiness.RecordId, results[0].Line));
        Assert.Equal(("LT-CONTOSO-0142", "LT-CONTOSO-0142.contoso.com"), (readiness.DeviceName, readiness.DeviceFqdn));
        Assert.Equal("S-1-5-21-1004336348-1177238915-682003330-1105", readiness.UserSid);
        Assert.Equal(new DateTimeOffset(2025, 5, 20, 7, 41, 12, TimeSpan.Zero).AddTicks(5531234), readiness.TimeCreated);
        Assert.Equal(("Information", "Microsoft-Windows-User Device Registration"), (readiness.Level, readiness.Provider));
        Assert.Equal("none", readiness.EventData["MachinePolicySource"]);
        Assert.StartsWith("Windows Hello for Business provisioning will be launched.\r\nDevice is AAD joined", readiness.Message, StringComparison.Ordinal);
        Assert.True(Assert.IsType<ProvisioningReadinessReported>(DeviceEventNormalizer.Normalize(Samples.Tenant, readiness).Message).IsReady);
        var registered = Assert.IsType<NgcKeyRegistered>(DeviceEventNormalizer.Normalize(Samples.Tenant, key).Message);
        Assert.Equal(Guid.Parse("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"), registered.KeyId);
        Assert.Equal("S-1-5-21-1004336348-1177238915-682003330-1105", registered.Header.UserSid);
    }

    [Fact]
    public void An_events_wrapper_without_rendering_info_reads_values_from_EventData_and_names_the_event_it_cannot_place()
    {
        var results = Read(Samples.Bytes("Xml/wrapper-no-rendering.xml"), computer => computer == "PC-0007.fabrikam.local" ? Pc7 : null);

        var (notReady, failed) = (results[0].Record!, results[1].Record!);
        Assert.Equal((Pc7, "Warning", null), (notReady.DeviceId, notReady.Level, notReady.Message));
        var readiness = Assert.IsType<ProvisioningReadinessReported>(DeviceEventNormalizer.Normalize(Samples.Tenant, notReady).Message);
        Assert.False(readiness.IsReady);
        Assert.Equal(PrerequisiteState.No, readiness.Prerequisites.HardwarePolicyMet);
        Assert.Equal(("Error", null), (failed.Level, failed.UserSid));
        Assert.Equal("AADSTS50076: MFA <required>", failed.EventData["ServerErrorMessage"]);
        Assert.Equal(0x801C03EDu, Assert.IsType<NgcKeyRegistrationFailed>(DeviceEventNormalizer.Normalize(Samples.Tenant, failed).Message).ErrorCode!.Code);
        var unplaced = results[2];
        Assert.Equal((2, 41, RecordErrorKind.MissingField, "deviceId"), (unplaced.Index, unplaced.Line, unplaced.Error!.Kind, unplaced.Error.Field));
        Assert.Contains("PC-UNKNOWN.fabrikam.local", unplaced.Error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_UTF16_export_with_a_byte_order_mark_reads_the_same()
    {
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Samples.Text("Xml/rendered-sequence.xml"))).ToArray();

        Assert.Equal(Read(Samples.Bytes("Xml/rendered-sequence.xml")).Select(r => r.Record!.RecordId), Read(utf16).Select(r => r.Record!.RecordId));
    }

    [Theory]
    [InlineData("<EventID>x</EventID><TimeCreated SystemTime='2025-05-20T07:00:00Z'/><EventRecordID>1</EventRecordID><Channel>c</Channel>", RecordErrorKind.InvalidValue, "eventId", "System/EventID")]
    [InlineData("<EventID>300</EventID><EventRecordID>1</EventRecordID><Channel>c</Channel>", RecordErrorKind.MissingField, "timeCreated", "System/TimeCreated/@SystemTime")]
    [InlineData("<EventID>300</EventID><TimeCreated SystemTime='1601-01-01T00:00:00Z'/><EventRecordID>1</EventRecordID><Channel>c</Channel>", RecordErrorKind.TooOld, "timeCreated", "System/TimeCreated/@SystemTime")]
    [InlineData("<EventID>300</EventID><TimeCreated SystemTime='2025-05-20T07:00:00Z'/><Channel>c</Channel>", RecordErrorKind.MissingField, "recordId", "System/EventRecordID")]
    [InlineData("<EventID>300</EventID><TimeCreated SystemTime='2025-05-20T07:00:00Z'/><EventRecordID>1</EventRecordID>", RecordErrorKind.MissingField, "channel", "System/Channel")]
    [InlineData(GoodSystem + "<Security UserID='ada'/>", RecordErrorKind.InvalidValue, "userSid", "System/Security/@UserID")]
    public void Bad_values_are_named_per_event_and_the_next_event_is_still_read(string system, RecordErrorKind kind, string field, string path)
    {
        var results = Read(Event(system) + "\n" + Event(GoodSystem));

        Assert.Equal((kind, field, path), (results[0].Error!.Kind, results[0].Error!.Field, results[0].Error!.Path));
        Assert.True(results[1].IsValid);
        Assert.Equal(2, results[1].Line);
    }

    [Theory]
    [InlineData("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>300", 2)]
    [InlineData("<Event><System><Channel>a&#0;b</Channel></System></Event>", 2)]
    [InlineData("<Event><System><Channel>a&#xD800;b</Channel></System></Event>", 2)]
    [InlineData("<NotAnEvent/>", 2)]
    public void A_document_that_is_not_well_formed_ends_at_the_event_where_it_breaks(string second, int line)
    {
        var results = Read(Event(GoodSystem) + "\n" + second);

        Assert.True(results[0].IsValid);
        var broken = Assert.Single(results, r => !r.IsValid);
        Assert.Equal((1, line, RecordErrorKind.MalformedXml), (broken.Index, broken.Line, broken.Error!.Kind));
        Assert.Contains($"line {line}", broken.Error.Reason, StringComparison.Ordinal);
    }
}
