using MassTransit;
using Whfb.Contracts.Devices;

namespace Whfb.Policy.Consumers;

/// <summary>Key registration failed (event 301): counts as a provisioning failure until a key registers.</summary>
public sealed class NgcKeyRegistrationFailedConsumer(OutcomeRecorder recorder) : IConsumer<DeviceEventBatch<NgcKeyRegistrationFailed>>
{
    public Task Consume(ConsumeContext<DeviceEventBatch<NgcKeyRegistrationFailed>> context) => recorder.RecordEachAsync(
        context.Message.Events, m => DeviceSubject.Of(m.Header), m => m.Header.EventId, "policy-ngc-key-registration-failed",
        (_, row) => row.ProvisioningFailed = true, context.CancellationToken);
}
