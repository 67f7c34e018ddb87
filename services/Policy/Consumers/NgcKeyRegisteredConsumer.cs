using MassTransit;
using Whfb.Contracts.Devices;

namespace Whfb.Policy.Consumers;

/// <summary>The device registered its WHfB key with Entra ID (event 300): provisioned.</summary>
public sealed class NgcKeyRegisteredConsumer(OutcomeRecorder recorder) : IConsumer<NgcKeyRegistered>
{
    public Task Consume(ConsumeContext<NgcKeyRegistered> context) => recorder.RecordAsync(
        DeviceSubject.Of(context.Message.Header, context.Message.UserPrincipalName), context.Message.Header.EventId, "policy-ngc-key-registered",
        row => row.Provisioned = true, context.CancellationToken);
}
