using MassTransit;
using Whfb.Contracts.Devices;

namespace Whfb.Policy.Consumers;

/// <summary>Key registration failed (event 301): counts as a provisioning failure until a key registers.</summary>
public sealed class NgcKeyRegistrationFailedConsumer(OutcomeRecorder recorder) : IConsumer<NgcKeyRegistrationFailed>
{
    public Task Consume(ConsumeContext<NgcKeyRegistrationFailed> context) => recorder.RecordAsync(
        DeviceSubject.Of(context.Message.Header), context.Message.Header.EventId, "policy-ngc-key-registration-failed",
        row => row.ProvisioningFailed = true, context.CancellationToken);
}
