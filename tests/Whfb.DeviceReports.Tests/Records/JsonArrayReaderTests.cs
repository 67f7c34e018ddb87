using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Tests.Records;

public class JsonArrayReaderTests
{
    [Fact]
    public void Elements_report_their_index_and_the_line_where_they_start()
    {
        var results = Samples.Reader().Read(Samples.Bytes("Reader/array.json")).ToList();

        Assert.Equal([0, 1, 2, 3, 4], results.Select(r => r.Index));
        Assert.Equal([2, 11, 19, 29, 38], results.Select(r => r.Line));
        Assert.Equal([true, false, false, true, false], results.Select(r => r.IsValid));
        Assert.Equal("$[1].timeCreated", results[1].Error!.Path);
        Assert.Equal(RecordErrorKind.MissingField, results[1].Error!.Kind);
        Assert.Equal("$[2].eventData", results[2].Error!.Path);
        Assert.Equal(RecordErrorKind.WrongType, results[2].Error!.Kind);
        Assert.Equal("$[4]", results[4].Error!.Path);
        Assert.Equal(RecordErrorKind.NotAnObject, results[4].Error!.Kind);
    }

    [Fact]
    public void A_syntax_error_keeps_the_elements_before_it_and_stops_there()
    {
        var results = Samples.Reader().Read(Samples.Bytes("Reader/array-broken.json")).ToList();

        Assert.Equal(4, results.Count);
        Assert.True(results[0].IsValid);
        var broken = results[3];
        Assert.Equal(RecordErrorKind.MalformedJson, broken.Error!.Kind);
        Assert.Equal(3, broken.Index);
        Assert.Equal(29, broken.Line);
        Assert.Contains("not read", broken.Error.Reason);
    }

    [Fact]
    public void Unclosed_array_and_trailing_content_are_reported()
    {
        var ok = $$"""{"deviceId":"{{Samples.Device}}","channel":"c","eventId":1,"recordId":1,"timeCreated":"2025-05-20T07:00:00Z"}""";

        var unclosed = Samples.Read("[" + ok + ",\n" + ok);
        var trailing = Samples.Read("[" + ok + "]\n{}");

        Assert.Equal([true, true, false], unclosed.Select(r => r.IsValid));
        Assert.Equal(RecordErrorKind.MalformedJson, unclosed[^1].Error!.Kind);
        Assert.Equal([true, false], trailing.Select(r => r.IsValid));
        Assert.Equal(2, trailing[^1].Line);
    }

    [Fact]
    public void Invalid_utf8_inside_one_element_spoils_only_that_element()
    {
        var ok = $$"""{"deviceId":"{{Samples.Device}}","channel":"c","eventId":1,"recordId":1,"timeCreated":"2025-05-20T07:00:00Z"}""";
        byte[] body = [.. "[{\"deviceName\":\"PC-"u8, 0xED, 0xA0, 0x80, .. "\"},\n"u8, .. System.Text.Encoding.UTF8.GetBytes(ok), .. "]"u8];

        var results = Samples.Reader().Read(body).ToList();

        Assert.Equal(RecordErrorKind.InvalidUtf8, results[0].Error!.Kind);
        Assert.Equal("$[0]", results[0].Error!.Path);
        Assert.True(results[1].IsValid);
        Assert.Equal(2, results[1].Line);
    }
}
