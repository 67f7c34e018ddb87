using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Tests.Records;

public class NdjsonReaderTests
{
    private static readonly List<RecordReadResult> Mixed = Samples.Reader().Read(Samples.Bytes("Reader/mixed.ndjson")).ToList();

    [Fact]
    public void Good_lines_are_read_around_bad_ones_with_their_line_numbers()
    {
        var valid = Mixed.Where(r => r.IsValid).ToList();

        Assert.Equal([1, 4, 11, 15], valid.Select(r => r.Line));
        Assert.Equal([1L, 2L, 8L, 12L], valid.Select(r => r.Record!.RecordId));
        Assert.Equal(14, Mixed.Count);
    }

    [Theory]
    [InlineData(3, RecordErrorKind.MalformedJson, "$", null)]
    [InlineData(5, RecordErrorKind.MissingField, "$.deviceId", "deviceId")]
    [InlineData(6, RecordErrorKind.WrongType, "$.eventId", "eventId")]
    [InlineData(7, RecordErrorKind.InvalidValue, "$.timeCreated", "timeCreated")]
    [InlineData(8, RecordErrorKind.TimeInFuture, "$.timeCreated", "timeCreated")]
    [InlineData(9, RecordErrorKind.MissingField, "$.eventId", "eventId")]
    [InlineData(10, RecordErrorKind.NotAnObject, "$", null)]
    [InlineData(12, RecordErrorKind.InvalidValue, "$.deviceId", "deviceId")]
    [InlineData(13, RecordErrorKind.WrongType, "$.eventData[1]", "eventData[1]")]
    [InlineData(14, RecordErrorKind.InvalidValue, "$.user.objectId", "user.objectId")]
    public void Each_bad_line_reports_kind_path_and_field(int line, RecordErrorKind kind, string path, string? field)
    {
        var result = Assert.Single(Mixed, r => r.Line == line);

        Assert.Equal(RecordReadStatus.Invalid, result.Status);
        Assert.Equal(kind, result.Error!.Kind);
        Assert.Equal(path, result.Error.Path);
        Assert.Equal(field, result.Error.Field);
        Assert.False(string.IsNullOrWhiteSpace(result.Error.Reason));
    }

    [Fact]
    public void Malformed_line_reason_names_where_the_parser_gave_up()
    {
        // Line 3 is cut short after "channel": so the parser takes line 4's object as its value and
        // fails on line 5; the record is still reported at line 3 and line 4 is read on its own.
        Assert.Contains("line 5", Assert.Single(Mixed, r => r.Line == 3).Error!.Reason);
    }

    [Fact]
    public void PowerShell_dates_and_quoted_numbers_are_accepted()
    {
        var record = Assert.Single(Mixed, r => r.Line == 11).Record!;

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1747726872000), record.TimeCreated);
        Assert.Equal(360, record.EventId);
    }

    [Fact]
    public void Invalid_utf8_on_one_line_does_not_stop_the_next()
    {
        byte[] bad = [.. "{\"deviceId\":\"6f1c2b9e-3d4a-4e5f-8a7b-1c2d3e4f5a6b\",\"deviceName\":\"PC-"u8, 0xC3, 0x28, .. "\"}\n"u8];
        byte[] body = [.. bad, .. Samples.Bytes("Events/358-ready.json")];

        var results = Samples.Reader().Read(body).ToList();

        Assert.Equal(RecordErrorKind.InvalidUtf8, results[0].Error!.Kind);
        Assert.Equal(1, results[0].Line);
        Assert.True(results[1].IsValid);
        Assert.Equal(2, results[1].Line);
    }

    [Fact]
    public void Invalid_utf8_in_a_broken_line_is_reported_as_such()
    {
        byte[] body = [.. "{\"a\":\"x"u8, 0xFF, .. "\n{\"b\":1}\n"u8];

        var results = Samples.Reader().Read(body).ToList();

        Assert.Equal(RecordErrorKind.InvalidUtf8, results[0].Error!.Kind);
        Assert.Equal(RecordErrorKind.MissingField, results[1].Error!.Kind);
        Assert.Equal(2, results[1].Line);
    }

    [Fact]
    public void Byte_order_mark_and_empty_bodies_are_fine()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Samples.Bytes("Events/358-ready.json")];

        Assert.True(Assert.Single(Samples.Reader().Read(withBom)).IsValid);
        Assert.Empty(Samples.Reader().Read(Array.Empty<byte>()));
        Assert.Empty(Samples.Read(" \r\n \n"));
    }

    [Fact]
    public void Time_exactly_one_day_ahead_is_accepted_and_a_second_more_is_not()
    {
        var edge = Samples.Now.AddDays(1);
        string Line(DateTimeOffset t) =>
            $$"""{"deviceId":"{{Samples.Device}}","channel":"c","eventId":1,"recordId":1,"timeCreated":"{{t:O}}"}""";

        var results = Samples.Read(Line(edge) + "\n" + Line(edge.AddSeconds(1)));

        Assert.True(results[0].IsValid);
        Assert.Equal(RecordErrorKind.TimeInFuture, results[1].Error!.Kind);
    }

    [Fact]
    public void Time_without_offset_is_utc_and_offsets_are_converted()
    {
        var results = Samples.Read(
            $$"""{"deviceId":"{{Samples.Device}}","channel":"c","eventId":1,"recordId":1,"timeCreated":"2025-05-20T07:00:00"}""" + "\n" +
            $$"""{"deviceId":"{{Samples.Device}}","channel":"c","eventId":1,"recordId":2,"timeCreated":"2025-05-20T09:00:00+02:00"}""");

        Assert.All(results, r => Assert.Equal(new DateTimeOffset(2025, 5, 20, 7, 0, 0, TimeSpan.Zero), r.Record!.TimeCreated));
        Assert.All(results, r => Assert.Equal(TimeSpan.Zero, r.Record!.TimeCreated.Offset));
    }
}
