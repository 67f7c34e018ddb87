using MassTransit;

namespace Whfb.ServiceDefaults.Tests.Messaging;

public sealed record PoisonPill(Guid Id);

/// <summary>Fails every time, counting attempts, so the retry, redelivery and _error path can be observed.</summary>
public sealed class PoisonPillConsumer(AttemptCounter attempts) : IConsumer<PoisonPill>
{
    public Task Consume(ConsumeContext<PoisonPill> context)
    {
        attempts.Increment();
        throw new InvalidOperationException("always fails");
    }
}

public sealed class AttemptCounter
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Increment() => Interlocked.Increment(ref count);
}
