using System.Collections.Concurrent;
using MassTransit;
using Whfb.Contracts.Health;
using Whfb.Contracts.Policy;

namespace Whfb.Policy.Tests.Support;

/// <summary>Every rollout and health event Policy publishes, received by an endpoint of the test's own connected to the service's bus.</summary>
public sealed class PolicyEvents
{
    public ConcurrentQueue<object> Received { get; } = new();

    public static async Task<PolicyEvents> ConnectAsync(IBus bus)
    {
        ArgumentNullException.ThrowIfNull(bus);
        var events = new PolicyEvents();
        var handle = bus.ConnectReceiveEndpoint($"test-policy-events-{Guid.NewGuid():N}", e =>
        {
            e.Handler<RolloutStarted>(events.Add);
            e.Handler<RingAssigned>(events.Add);
            e.Handler<RingAdvanced>(events.Add);
            e.Handler<RolloutHalted>(events.Add);
            e.Handler<RolloutResumed>(events.Add);
            e.Handler<RolloutCompleted>(events.Add);
            e.Handler<RolloutAborted>(events.Add);
            e.Handler<GpoConflictDetected>(events.Add);
            e.Handler<GpoConflictResolved>(events.Add);
            e.Handler<GraphPermissionMissing>(events.Add);
            e.Handler<GraphPermissionRestored>(events.Add);
        });
        await handle.Ready;
        return events;
    }

    /// <summary>Health events of one feature (GraphPermissionMissing, GraphPermissionRestored).</summary>
    public IReadOnlyList<T> OfFeature<T>(string feature) where T : class =>
        Received.OfType<T>().Where(m => m switch
        {
            GraphPermissionMissing e => e.Feature == feature,
            GraphPermissionRestored e => e.Feature == feature,
            _ => false,
        }).ToList();

    /// <summary>Events of type <typeparamref name="T"/> about one rollout.</summary>
    public IReadOnlyList<T> Of<T>(Guid rolloutId) where T : class =>
        Received.OfType<T>().Where(m => RolloutOf(m).RolloutId == rolloutId).ToList();

    private static RolloutReference RolloutOf(object message) => message switch
    {
        RolloutStarted m => m.Rollout,
        RingAssigned m => m.Rollout,
        RingAdvanced m => m.Rollout,
        RolloutHalted m => m.Rollout,
        RolloutResumed m => m.Rollout,
        RolloutCompleted m => m.Rollout,
        RolloutAborted m => m.Rollout,
        GpoConflictDetected m => m.Rollout,
        GpoConflictResolved m => m.Rollout,
        _ => throw new ArgumentException($"Not a rollout event: {message.GetType().Name}", nameof(message)),
    };

    private Task Add<T>(ConsumeContext<T> context) where T : class
    {
        Received.Enqueue(context.Message);
        return Task.CompletedTask;
    }
}
