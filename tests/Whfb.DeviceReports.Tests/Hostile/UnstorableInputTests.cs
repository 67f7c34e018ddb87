using System.Text;
using Whfb.DeviceReports.Policy;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Tests.Hostile;

/// <summary>Text PostgreSQL cannot store and times outside the accepted window are refused per record, naming the field.</summary>
public class UnstorableInputTests
{
    private static string With(string extra, string time = "2025-05-20T07:00:00Z") =>
        $$"""{"deviceId":"{{Samples.Device}}","channel":"c","eventId":1,"recordId":1,"timeCreated":"{{time}}"{{extra}}}""";

    [Theory]
    [InlineData(""","deviceName":"PC\u0000-1" """, "deviceName")]
    [InlineData(""","user":{"upn":"a\u0000@contoso.com"}""", "user.upn")]
    [InlineData(""","message":"ok\ud800" """, "message")]
    [InlineData(""","message":"\udc00 alone" """, "message")]
    [InlineData(""","eventData":[{"name":"KeyId","value":"x"},{"name":"UPN","value":"\u0000"}]""", "eventData[1].value")]
    [InlineData(""","eventData":{"Key\u0000Id":"x"}""", "eventData.(property name)")]
    public void Nul_and_lone_surrogates_are_refused_naming_the_field(string extra, string field)
    {
        var error = Samples.Read(With(extra))[0].Error!;

        Assert.Equal(RecordErrorKind.UnstorableText, error.Kind);
        Assert.Equal(field, error.Field);
        Assert.Contains(field, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_control_characters_and_surrogate_pairs_are_kept_as_they_are()
    {
        var record = Samples.Read(With(""","message":"a\tb\r\nc\u0001 \ud83d\ude00","deviceName":"PC\u001f" """))[0].Record!;

        Assert.Equal("a\tb\r\nc\u0001 \U0001F600", record.Message);
        Assert.Equal("PC\u001f", record.DeviceName);
    }

    [Fact]
    public void Records_older_than_the_maximum_age_are_refused_and_the_edge_is_accepted()
    {
        var edge = Samples.Now.AddDays(-90);

        var results = Samples.Read(With("", edge.ToString("O")) + "\n" + With("", edge.AddSeconds(-1).ToString("O")) + "\n" + With("", "0001-01-01T00:00:00Z"));

        Assert.True(results[0].IsValid);
        Assert.Equal((RecordErrorKind.TooOld, "timeCreated"), (results[1].Error!.Kind, results[1].Error!.Field));
        Assert.Equal(RecordErrorKind.TooOld, results[2].Error!.Kind);
    }

    [Fact]
    public void The_maximum_age_is_a_setting()
    {
        var reader = Samples.Reader(new CollectorRecordReaderOptions { MaxAge = TimeSpan.FromDays(400) });

        var result = reader.Read(Encoding.UTF8.GetBytes(With("", Samples.Now.AddDays(-399).ToString("O")))).Single();

        Assert.True(result.IsValid, result.Error?.Reason);
    }

    [Fact]
    public void A_policy_state_with_a_nul_in_a_value_is_refused_naming_it()
    {
        var read = PolicyStateReader.Read(Encoding.UTF8.GetBytes(
            $$"""{"deviceId":"{{Samples.Device}}","collectedAt":"2025-05-20T08:00:00Z","gpo":{"PINComplexity":{"Special":"\u0000"}""" + "}}"));

        Assert.Equal(RecordErrorKind.UnstorableText, read.Error!.Kind);
        Assert.Equal("gpo.PINComplexity.Special", read.Error.Field);
    }
}
