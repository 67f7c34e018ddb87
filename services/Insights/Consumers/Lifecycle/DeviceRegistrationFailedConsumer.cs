using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class DeviceRegistrationFailedConsumer(HistoryBatcher history) : DeviceEventBatchConsumer<DeviceRegistrationFailed>(history)
{
    protected override HistoryRow ToRow(DeviceRegistrationFailed m) => HistoryRows.Device(m.Header, m, $"{m.Stage} {m.ExitCode?.Hex}");
}

public sealed class DeviceRegistrationFailedConsumerDefinition : DeviceEventBatchConsumerDefinition<DeviceRegistrationFailedConsumer>;
