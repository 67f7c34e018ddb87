using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Normalization;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Tests.Records;

/// <summary>
/// Rows of Log Analytics' WindowsEvent table as <c>az monitor log-analytics query</c> writes them (the README's query):
/// every value a string, the dynamic EventData as JSON text, no device id (the map of computers supplies it).
/// </summary>
public class LogAnalyticsShapeTests
{
    private static readonly Guid Pc7 = Guid.Parse("7e7e7e7e-0007-4007-8007-7e7e7e7e7e7e");

    [Fact]
    public void Rows_read_with_their_EventData_and_a_device_from_the_map()
    {
        var reader = Samples.Reader(new CollectorRecordReaderOptions { DeviceIdFor = computer => computer == "PC-0007.fabrikam.local" ? Pc7 : null });

        var results = reader.Read(Samples.Bytes("LogAnalytics/windowsevent-az-query.json")).ToList();

        var record = results[0].Record!;
        Assert.Equal((Pc7, "PC-0007", 360, 5001L), (record.DeviceId, record.DeviceName, record.EventId, record.RecordId));
        Assert.Equal("S-1-5-21-3623811015-3361044348-30300820-1013", record.UserSid);
        var readiness = Assert.IsType<ProvisioningReadinessReported>(DeviceEventNormalizer.Normalize(Samples.Tenant, record).Message);
        Assert.Equal((false, PrerequisiteState.No, "MDM"), (readiness.IsReady, readiness.Prerequisites.HardwarePolicyMet, readiness.PolicySource));
        Assert.Equal((RecordErrorKind.MissingField, "deviceId"), (results[1].Error!.Kind, results[1].Error!.Field));
        Assert.Contains("PC-0008.fabrikam.local", results[1].Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EventData_text_that_is_not_JSON_is_named()
    {
        var reader = Samples.Reader(new CollectorRecordReaderOptions { DeviceIdFor = _ => Pc7 });

        var broken = reader.Read(Samples.Bytes("LogAnalytics/windowsevent-az-query.json")).ToList()[1];

        Assert.Equal((RecordErrorKind.InvalidValue, "eventData"), (broken.Error!.Kind, broken.Error.Field));
    }
}
