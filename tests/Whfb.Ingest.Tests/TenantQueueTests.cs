using Whfb.Ingest.Publishing;

namespace Whfb.Ingest.Tests;

/// <summary>The publish queue's turns and its late requests, without a broker.</summary>
public sealed class TenantQueueTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private static readonly (Guid A, Guid B) Tenants = (Guid.NewGuid(), Guid.NewGuid());

    [Fact]
    public void Tenants_take_turns_and_a_group_holds_one_tenant_only()
    {
        using var queue = new TenantQueue(10, long.MaxValue);
        var (a1, b1, a2) = (Request(Tenants.A), Request(Tenants.B), Request(Tenants.A));
        Assert.All(new[] { a1, b1, a2 }, r => Assert.True(queue.TryEnqueue(r)));

        var late = new List<PendingRequest>();
        Assert.Equal([a1, a2], queue.TakeGroup(100, Now, late));
        Assert.Equal([b1], queue.TakeGroup(100, Now, late));
        Assert.Empty(queue.TakeGroup(100, Now, late));
        Assert.Empty(late);
    }

    [Fact]
    public void A_request_due_before_the_take_is_handed_back_as_late_and_never_grouped()
    {
        using var queue = new TenantQueue(10, long.MaxValue);
        var (due, fresh) = (Request(Tenants.A, Now.AddSeconds(1)), Request(Tenants.A, Now.AddSeconds(30)));
        queue.TryEnqueue(due);
        queue.TryEnqueue(fresh);

        var late = new List<PendingRequest>();
        Assert.Equal([fresh], queue.TakeGroup(100, Now.AddSeconds(2), late));
        Assert.Equal([due], late);
        Assert.Equal(0, queue.Count);
    }

    [Fact]
    public void A_removed_request_is_never_taken_and_a_full_queue_refuses()
    {
        using var queue = new TenantQueue(2, long.MaxValue);
        var (first, second) = (Request(Tenants.A), Request(Tenants.B));
        Assert.True(queue.TryEnqueue(first));
        Assert.True(queue.TryEnqueue(second));
        Assert.False(queue.TryEnqueue(Request(Tenants.A)));

        Assert.True(queue.TryRemove(first));
        Assert.False(queue.TryRemove(first));
        var late = new List<PendingRequest>();
        Assert.Equal([second], queue.TakeGroup(100, Now, late));
        Assert.Empty(queue.TakeGroup(100, Now, late));
    }

    private static PendingRequest Request(Guid tenant, DateTimeOffset? deadline = null) =>
        new(tenant, [new SizedEvent(new object(), 100)], null, deadline ?? Now.AddMinutes(1));
}
