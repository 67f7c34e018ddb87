using System.Text.Json;
using MassTransit;
using MassTransit.RabbitMqTransport;
using RabbitMQ.Client;
using Whfb.Contracts.Devices;
using Whfb.Testing;

namespace Whfb.Ingest.Tests;

/// <summary>
/// A test consumer on the real broker: an exclusive queue in the test's own virtual host, bound to the exchanges
/// MassTransit publishes batches (<see cref="DeviceEventBatch{T}"/>) of the given device event types to. Collects the
/// events out of their batches and envelopes.
/// </summary>
public sealed class BusProbe : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly string queue;
    private readonly List<Delivered> received = [];

    private BusProbe(IConnection connection, IChannel channel, string queue)
    {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    public static async Task<BusProbe> BindAsync(IsolatedVirtualHost vhost, params Type[] messageTypes)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(vhost.AmqpConnectionString) }.CreateConnectionAsync();
        var channel = await connection.CreateChannelAsync();
        var queue = (await channel.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true)).QueueName;
        foreach (var type in messageTypes)
        {
            var exchange = new RabbitMqMessageNameFormatter().GetMessageName(BatchOf(type)).ToString();
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync(queue, exchange, "");
        }

        return new BusProbe(connection, channel, queue);
    }

    /// <summary>Waits until <paramref name="count"/> messages of the type arrived and returns them.</summary>
    public async Task<List<JsonElement>> WaitForAsync<T>(int count, TimeSpan? timeout = null)
    {
        await Eventually.Async(async () => { await DrainAsync(); return Of<T>().Count >= count; }, timeout ?? TimeSpan.FromSeconds(20));
        return Of<T>();
    }

    public async Task<List<JsonElement>> AllOfAsync<T>()
    {
        await DrainAsync();
        return Of<T>();
    }

    public async ValueTask DisposeAsync()
    {
        await channel.CloseAsync();
        await connection.CloseAsync();
        channel.Dispose();
        connection.Dispose();
    }

    /// <summary>
    /// Every class of the device contracts: what Ingest can publish batches of (binding the few that are parts of an
    /// event, not events, costs an unused exchange).
    /// </summary>
    public static Type[] AllDeviceTypes { get; } = [.. typeof(DeviceEventHeader).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(DeviceEventHeader).Namespace && t is { IsClass: true, IsGenericType: false, IsAbstract: false })];

    /// <summary>How many broker messages of any bound type arrived so far.</summary>
    public async Task<int> CountAsync()
    {
        await DrainAsync();
        return received.Count;
    }

    /// <summary>How many broker messages (batches) of events of the type arrived so far.</summary>
    public async Task<int> BatchCountAsync<T>()
    {
        await DrainAsync();
        return BatchesOf<T>().Count();
    }

    /// <summary>The broker messages (batches) of events of the type that arrived so far, with each one's size on the wire.</summary>
    public async Task<List<(JsonElement Batch, int Bytes)>> BatchesAsync<T>()
    {
        await DrainAsync();
        return received.Where(d => d.MessageType == MessageUrn.ForTypeString(BatchOf(typeof(T)))).Select(d => (d.Message, d.Bytes)).ToList();
    }

    private List<JsonElement> Of<T>() => BatchesOf<T>().SelectMany(batch => batch.GetProperty("events").EnumerateArray()).ToList();

    private IEnumerable<JsonElement> BatchesOf<T>() =>
        received.Where(d => d.MessageType == MessageUrn.ForTypeString(BatchOf(typeof(T)))).Select(d => d.Message);

    private static Type BatchOf(Type eventType) => typeof(DeviceEventBatch<>).MakeGenericType(eventType);

    private async Task DrainAsync()
    {
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } result)
        {
            using var envelope = JsonDocument.Parse(result.Body);
            var root = envelope.RootElement;
            received.Add(new Delivered(root.GetProperty("messageType")[0].GetString()!, root.GetProperty("message").Clone(), result.Body.Length));
        }
    }

    private sealed record Delivered(string MessageType, JsonElement Message, int Bytes);
}
