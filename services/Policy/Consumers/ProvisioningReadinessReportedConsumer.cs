using MassTransit;
using Whfb.Contracts.Devices;

namespace Whfb.Policy.Consumers;

/// <summary>The device checked the WHfB prerequisites (358 ready / 360 not): the latest check counts.</summary>
public sealed class ProvisioningReadinessReportedConsumer(OutcomeRecorder recorder) : IConsumer<DeviceEventBatch<ProvisioningReadinessReported>>
{
    public Task Consume(ConsumeContext<DeviceEventBatch<ProvisioningReadinessReported>> context) => recorder.RecordEachAsync(
        context.Message.Events, m => DeviceSubject.Of(m.Header), m => m.Header.EventId, "policy-provisioning-readiness", (message, row) =>
        {
            var at = message.Header.TimeCreated;
            if (row.ReadinessAt is null || at >= row.ReadinessAt)
            {
                row.PrerequisitesPassed = message.IsReady;
                row.ReadinessAt = at;
            }
        }, context.CancellationToken);
}
