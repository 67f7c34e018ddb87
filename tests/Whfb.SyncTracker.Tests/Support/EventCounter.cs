using System.Collections.Concurrent;
using MassTransit;
using Whfb.Contracts.Health;
using Whfb.Contracts.Keys;

namespace Whfb.SyncTracker.Tests.Support;

/// <summary>A bus of the test's own, in the test's virtual host, that receives every key, directory and Graph access event SyncTracker publishes.</summary>
public sealed class EventCounter : IAsyncDisposable
{
    private readonly IBusControl _bus;

    private EventCounter(IBusControl bus) => _bus = bus;

    public ConcurrentQueue<object> Received { get; } = new();

    public static async Task<EventCounter> StartAsync(string amqpConnectionString)
    {
        EventCounter? counter = null;
        var amqp = new Uri(amqpConnectionString);
        var user = amqp.UserInfo.Split(':', 2);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(new Uri($"rabbitmq://{amqp.Host}:{amqp.Port}{amqp.AbsolutePath}"), h =>
            {
                h.Username(Uri.UnescapeDataString(user[0]));
                h.Password(Uri.UnescapeDataString(user[1]));
            });
            cfg.ReceiveEndpoint($"test-event-counter-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Handler<KeySynced>(c => counter!.Add(c.Message));
                e.Handler<KeySyncStuck>(c => counter!.Add(c.Message));
                e.Handler<KeySyncRecovered>(c => counter!.Add(c.Message));
                e.Handler<OrphanedKeyDetected>(c => counter!.Add(c.Message));
                e.Handler<NgcKeyRemovedFromAd>(c => counter!.Add(c.Message));
                e.Handler<SyncPipelineStalled>(c => counter!.Add(c.Message));
                e.Handler<SyncPipelineRecovered>(c => counter!.Add(c.Message));
                e.Handler<DirectoryUnreachable>(c => counter!.Add(c.Message));
                e.Handler<DirectoryReachable>(c => counter!.Add(c.Message));
                e.Handler<GraphPermissionMissing>(c => counter!.Add(c.Message));
                e.Handler<GraphPermissionRestored>(c => counter!.Add(c.Message));
            });
        });
        counter = new EventCounter(bus);
        await bus.StartAsync();
        return counter;
    }

    public int Count<T>() => Received.OfType<T>().Count();

    public async ValueTask DisposeAsync() => await _bus.StopAsync();

    private Task Add(object message)
    {
        Received.Enqueue(message);
        return Task.CompletedTask;
    }
}
