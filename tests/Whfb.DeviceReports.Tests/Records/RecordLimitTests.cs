using System.Text;
using Whfb.DeviceReports.Records;

namespace Whfb.DeviceReports.Tests.Records;

public class RecordLimitTests
{
    private static byte[] Ndjson(int count) => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(1, count).Select(i =>
        $$"""{"deviceId":"{{Samples.Device}}","channel":"c","eventId":1,"recordId":{{i}},"timeCreated":"2025-05-20T07:00:00Z"}""" + "\n")));

    [Fact]
    public void Exactly_the_limit_is_accepted()
    {
        var batch = Samples.Reader(new CollectorRecordReaderOptions { MaxRecords = 5 }).ReadAll(Ndjson(5));

        Assert.False(batch.LimitExceeded);
        Assert.Equal(5, batch.ValidRecords.Count());
    }

    [Fact]
    public void One_more_than_the_limit_ends_with_a_distinct_result()
    {
        var batch = Samples.Reader(new CollectorRecordReaderOptions { MaxRecords = 5 }).ReadAll(Ndjson(9));

        Assert.True(batch.LimitExceeded);
        Assert.Equal(6, batch.Results.Count);
        var last = batch.Results[^1];
        Assert.Equal(RecordReadStatus.LimitExceeded, last.Status);
        Assert.Equal(RecordErrorKind.LimitExceeded, last.Error!.Kind);
        Assert.Equal(6, last.Line);
    }

    [Fact]
    public void Default_limit_is_ten_thousand()
    {
        Assert.Equal(10_000, new CollectorRecordReaderOptions().MaxRecords);
        Assert.True(Samples.Reader().ReadAll(Ndjson(10_001)).LimitExceeded);
    }
}
