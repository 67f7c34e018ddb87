using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class DeviceLogEntryRecordedConsumer(HistoryBatcher history) : DeviceEventBatchConsumer<DeviceLogEntryRecorded>(history)
{
    protected override HistoryRow ToRow(DeviceLogEntryRecorded m) => HistoryRows.Device(m.Header, m, m.Level);
}

public sealed class DeviceLogEntryRecordedConsumerDefinition : DeviceEventBatchConsumerDefinition<DeviceLogEntryRecordedConsumer>;
