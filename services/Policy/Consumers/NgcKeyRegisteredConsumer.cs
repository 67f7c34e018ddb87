using MassTransit;
using Whfb.Contracts.Devices;

namespace Whfb.Policy.Consumers;

/// <summary>The device registered its WHfB key with Entra ID (event 300): provisioned.</summary>
public sealed class NgcKeyRegisteredConsumer(OutcomeRecorder recorder) : IConsumer<DeviceEventBatch<NgcKeyRegistered>>
{
    public Task Consume(ConsumeContext<DeviceEventBatch<NgcKeyRegistered>> context) => recorder.RecordEachAsync(
        context.Message.Events, m => DeviceSubject.Of(m.Header, m.UserPrincipalName), m => m.Header.EventId, "policy-ngc-key-registered",
        (_, row) => row.Provisioned = true, context.CancellationToken);
}
