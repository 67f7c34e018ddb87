using MassTransit;
using Whfb.Contracts.Devices;

namespace Whfb.Policy.Consumers;

/// <summary>The device checked the WHfB prerequisites (358 ready / 360 not): the latest check counts.</summary>
public sealed class ProvisioningReadinessReportedConsumer(OutcomeRecorder recorder) : IConsumer<ProvisioningReadinessReported>
{
    public Task Consume(ConsumeContext<ProvisioningReadinessReported> context)
    {
        var message = context.Message;
        var at = message.Header.TimeCreated;
        return recorder.RecordAsync(DeviceSubject.Of(message.Header), message.Header.EventId, "policy-provisioning-readiness", row =>
        {
            if (row.ReadinessAt is null || at >= row.ReadinessAt)
            {
                row.PrerequisitesPassed = message.IsReady;
                row.ReadinessAt = at;
            }
        }, context.CancellationToken);
    }
}
