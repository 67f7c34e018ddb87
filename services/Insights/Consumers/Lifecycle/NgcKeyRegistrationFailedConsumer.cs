using Whfb.Contracts.Devices;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Insights.Consumers.Lifecycle;

public sealed class NgcKeyRegistrationFailedConsumer(HistoryBatcher history) : DeviceEventBatchConsumer<NgcKeyRegistrationFailed>(history)
{
    protected override HistoryRow ToRow(NgcKeyRegistrationFailed m) => HistoryRows.Device(m.Header, m, (m.ErrorCode ?? m.ExitCode)?.Hex);
}

public sealed class NgcKeyRegistrationFailedConsumerDefinition : DeviceEventBatchConsumerDefinition<NgcKeyRegistrationFailedConsumer>;
