using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Tests.Records;

public class RecordShapeTests
{
    private static string With(string extra) =>
        $$"""{"deviceId":"{{Samples.Device}}","channel":"c","eventId":1,"recordId":1,"timeCreated":"2025-05-20T07:00:00Z"{{extra}}}""";

    [Fact]
    public void EventData_as_pairs_and_as_map_read_the_same_case_insensitively()
    {
        var pairs = Samples.Read(With(
            ""","eventData":[{"name":"KeyId","value":"{abc}"},{"Name":"ExitCode","Value":-2146893771},{"name":"Empty","value":null}]"""))[0];
        var map = Samples.Read(With(""","EventData":{"KeyId":"{abc}","ExitCode":-2146893771,"Empty":null}"""))[0];

        foreach (var result in new[] { pairs, map })
        {
            var data = result.Record!.EventData;
            Assert.Equal("{abc}", data["keyid"]);
            Assert.Equal("-2146893771", data["EXITCODE"]);
            Assert.Equal("", data["Empty"]);
        }
    }

    [Fact]
    public void Nameless_eventData_values_are_named_by_position()
    {
        var record = Samples.Record("5000-other-channel.json");

        Assert.Equal("IFX", record.EventData["0"]);
        Assert.Equal("true", record.EventData["3"]);
    }

    [Fact]
    public void User_may_be_an_object_or_a_string()
    {
        var both = Samples.Read(With(""","user":{"upn":"a@contoso.com","objectId":"b3e1a7c2-5d6f-4a8b-9c0d-1e2f3a4b5c6d"}"""))[0].Record!;
        var upn = Samples.Read(With(""","user":"a@contoso.com" """))[0].Record!;
        var id = Samples.Read(With(""","user":"b3e1a7c2-5d6f-4a8b-9c0d-1e2f3a4b5c6d" """))[0].Record!;

        Assert.Equal(("a@contoso.com", Guid.Parse("b3e1a7c2-5d6f-4a8b-9c0d-1e2f3a4b5c6d")), (both.UserPrincipalName, both.UserObjectId!.Value));
        Assert.Equal("a@contoso.com", upn.UserPrincipalName);
        Assert.Null(upn.UserObjectId);
        Assert.Null(id.UserPrincipalName);
        Assert.NotNull(id.UserObjectId);
    }

    [Theory]
    [InlineData(3, "Warning")]
    [InlineData(2, "Error")]
    [InlineData(4, "Information")]
    [InlineData(0, "Information")]
    public void Numeric_levels_get_their_names(int level, string name)
    {
        Assert.Equal(name, Samples.Read(With($",\"level\":{level}"))[0].Record!.Level);
    }

    [Fact]
    public void Get_WinEvent_property_names_are_accepted()
    {
        var json = $$"""{"DeviceId":"{{Samples.Device}}","LogName":"Application","EventId":1,"RecordId":7,"TimeCreated":"2025-05-20T07:00:00Z","ProviderName":"p","LevelDisplayName":"Warning"}""";

        var record = Samples.Read(json)[0].Record!;

        Assert.Equal(("Application", "p", "Warning"), (record.Channel, record.Provider, record.Level));
    }

    [Theory]
    [InlineData(""","deviceName":5""", "deviceName")]
    [InlineData(""","message":[]""", "message")]
    [InlineData(""","user":5""", "user")]
    [InlineData(""","level":{}""", "level")]
    [InlineData(""","eventData":"x" """, "eventData")]
    public void Wrong_types_of_optional_fields_are_rejected(string extra, string field)
    {
        var error = Samples.Read(With(extra))[0].Error!;

        Assert.Equal(RecordErrorKind.WrongType, error.Kind);
        Assert.Equal(field, error.Field);
    }

    [Theory]
    [InlineData("channel")]
    [InlineData("recordId")]
    [InlineData("timeCreated")]
    public void Other_required_fields_are_reported_when_missing(string field)
    {
        var json = With("").Replace($"\"{field}\":", "\"x" + field + "\":");

        var error = Samples.Read(json)[0].Error!;

        Assert.Equal(RecordErrorKind.MissingField, error.Kind);
        Assert.Equal(field, error.Field);
    }
}
