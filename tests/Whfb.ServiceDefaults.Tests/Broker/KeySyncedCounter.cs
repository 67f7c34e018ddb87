using MassTransit;
using Whfb.Contracts.Keys;

namespace Whfb.ServiceDefaults.Tests.Broker;

/// <summary>Counts the KeySynced events a consumer of the "insights" or "policy" test host received.</summary>
public sealed class KeySyncedCounter
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Increment() => Interlocked.Increment(ref count);
}

public sealed class KeySyncedConsumer(KeySyncedCounter counter) : IConsumer<KeySynced>
{
    public Task Consume(ConsumeContext<KeySynced> context)
    {
        counter.Increment();
        return Task.CompletedTask;
    }
}
