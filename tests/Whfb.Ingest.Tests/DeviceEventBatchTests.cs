using Whfb.Contracts.Devices;

namespace Whfb.Ingest.Tests;

public sealed class DeviceEventBatchTests
{
    [Fact]
    public void Events_are_grouped_by_type_in_order_of_first_appearance_and_split_at_the_limit()
    {
        var events = new object[] { Removed(1), Log(2), Removed(3), Log(4), Removed(5) };

        var batches = DeviceEventBatch.Of(events, maxEvents: 2);

        Assert.Collection(batches,
            b => Assert.Equal([1L, 3L], Assert.IsType<DeviceEventBatch<NgcKeyRemoved>>(b).Events.Select(e => e.Header.RecordId)),
            b => Assert.Equal([5L], Assert.IsType<DeviceEventBatch<NgcKeyRemoved>>(b).Events.Select(e => e.Header.RecordId)),
            b => Assert.Equal([2L, 4L], Assert.IsType<DeviceEventBatch<DeviceLogEntryRecorded>>(b).Events.Select(e => e.Header.RecordId)));
    }

    [Fact]
    public void One_event_is_a_batch_of_one_and_a_limit_below_one_is_refused()
    {
        var single = Assert.IsType<DeviceEventBatch<NgcKeyRemoved>>(DeviceEventBatch.Of(Removed(7)));

        Assert.Equal(7, Assert.Single(single.Events).Header.RecordId);
        Assert.Empty(DeviceEventBatch.Of([], maxEvents: 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceEventBatch.Of([Removed(1)], maxEvents: 0));
    }

    private static DeviceEventHeader Header(long recordId) => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "PC-1", null, null, "channel", 346, recordId, DateTimeOffset.UnixEpoch);

    private static NgcKeyRemoved Removed(long recordId) => new(Header(recordId), null);

    private static DeviceLogEntryRecorded Log(long recordId) => new(Header(recordId), "Information", null, new Dictionary<string, string>(), null);
}
