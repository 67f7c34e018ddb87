using MassTransit;
using Whfb.Contracts.Devices;
using Whfb.Contracts.Keys;

namespace Whfb.ServiceDefaults.Tests.Broker;

/// <summary>What the test consumers of one host received: Ingest's device events and SyncTracker's KeySynced.</summary>
public sealed class ReceivedEvents
{
    private int keySynced;
    private int deviceBatches;

    public int KeySynced => Volatile.Read(ref keySynced);

    public int DeviceBatches => Volatile.Read(ref deviceBatches);

    public void AddKeySynced() => Interlocked.Increment(ref keySynced);

    public void AddDeviceBatch() => Interlocked.Increment(ref deviceBatches);
}

/// <summary>Its endpoint is "&lt;service&gt;-key-synced", as the real consumers' are.</summary>
public sealed class KeySyncedConsumer(ReceivedEvents received) : IConsumer<KeySynced>
{
    public Task Consume(ConsumeContext<KeySynced> context)
    {
        received.AddKeySynced();
        return Task.CompletedTask;
    }
}

/// <summary>Its endpoint is "&lt;service&gt;-ngc-key-registered", as the real consumers' are.</summary>
public sealed class NgcKeyRegisteredConsumer(ReceivedEvents received) : IConsumer<DeviceEventBatch<NgcKeyRegistered>>
{
    public Task Consume(ConsumeContext<DeviceEventBatch<NgcKeyRegistered>> context)
    {
        received.AddDeviceBatch();
        return Task.CompletedTask;
    }
}
