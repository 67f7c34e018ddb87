using Whfb.Contracts.Devices;
using Whfb.DeviceReports.Normalization;

namespace Whfb.DeviceReports.Tests.Records;

/// <summary>
/// Windows PowerShell 5.1's shapes of Get-WinEvent output (Samples/PowerShell51): its two-space JSON, "\/Date(ms)\/"
/// times and the DateTime wrapper object, SecurityIdentifier objects, Properties as type names or Value objects.
/// </summary>
public class PowerShell51ShapeTests
{
    [Theory]
    [InlineData("select-default-depth.json")]
    [InlineData("depth4-date-wrapper.json")]
    public void A_key_registration_reads_with_its_id_sid_device_and_time(string file)
    {
        var result = Assert.Single(Samples.Reader().Read(Samples.Bytes("PowerShell51/" + file)));

        Assert.True(result.IsValid, result.Error?.Reason);
        var record = result.Record!;
        Assert.Equal((300, 4102L), (record.EventId, record.RecordId));
        Assert.Equal(("LT-CONTOSO-0142", "LT-CONTOSO-0142.contoso.com"), (record.DeviceName, record.DeviceFqdn));
        Assert.Equal("S-1-5-21-1004336348-1177238915-682003330-1105", record.UserSid);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1747726872000), record.TimeCreated);
        Assert.Equal("Information", record.Level);

        var key = Assert.IsType<NgcKeyRegistered>(DeviceEventNormalizer.Normalize(Samples.Tenant, record).Message);
        Assert.Equal(Guid.Parse("0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D"), key.KeyId);
        Assert.Equal("adele.vance@contoso.com", key.UserPrincipalName);
        Assert.Equal(record.UserSid, key.Header.UserSid);
    }

    [Fact]
    public void Type_names_carry_no_values_and_value_objects_are_named_by_position()
    {
        var typeNames = Samples.Reader().Read(Samples.Bytes("PowerShell51/select-default-depth.json")).Single().Record!;
        var values = Samples.Reader().Read(Samples.Bytes("PowerShell51/depth4-date-wrapper.json")).Single().Record!;

        Assert.Empty(typeNames.EventData);
        Assert.Equal(["{0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D}", "adele.vance@contoso.com", "ATT_TPM"], new[] { "0", "1", "2" }.Select(k => values.EventData[k]));
    }

    [Theory]
    [InlineData(""","UserId":"S-1-5-18" """, "S-1-5-18")]
    [InlineData(""","userSid":"s-1-12-1-1-2-3-4" """, "S-1-12-1-1-2-3-4")]
    [InlineData(""","UserId":null""", null)]
    public void A_sid_may_be_a_string_of_any_account(string extra, string? sid)
    {
        var json = $$"""{"deviceId":"{{Samples.Device}}","channel":"c","Id":1,"recordId":1,"timeCreated":"2025-05-20T07:00:00Z"{{extra}}}""";

        Assert.Equal(sid, Samples.Read(json)[0].Record!.UserSid);
    }

    [Theory]
    [InlineData(""","UserId":"ada@contoso.com" """, "userSid")]
    [InlineData(""","UserId":{"Value":"S-1-x"}""", "userSid")]
    [InlineData(""","UserId":[1]""", "userSid")]
    [InlineData(""","Id":"x" """, "Id")]
    [InlineData(""","MachineName":5""", "MachineName")]
    [InlineData(""","Properties":[[1]]""", "Properties[0]")]
    public void Bad_PowerShell_fields_are_named_as_sent(string extra, string field)
    {
        var json = $$"""{"deviceId":"{{Samples.Device}}","channel":"c","recordId":1,"timeCreated":"2025-05-20T07:00:00Z"{{extra}}}""";

        var error = Samples.Read(json.Contains("\"Id\"", StringComparison.Ordinal) ? json : json.Replace("\"recordId\"", "\"Id\":1,\"recordId\"", StringComparison.Ordinal))[0].Error!;

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void The_collectors_own_names_win_over_Get_WinEvents()
    {
        var json = $$"""{"deviceId":"{{Samples.Device}}","channel":"c","Id":1,"eventId":358,"recordId":1,"timeCreated":"2025-05-20T07:00:00Z","MachineName":"a.b","deviceName":"PC-1","Properties":[{"Value":"x"}],"eventData":{"KeyId":"k"}""" + "}";

        var record = Samples.Read(json)[0].Record!;

        Assert.Equal((358, "PC-1", null), (record.EventId, record.DeviceName, record.DeviceFqdn));
        Assert.Equal("k", Assert.Single(record.EventData).Value);
    }
}
