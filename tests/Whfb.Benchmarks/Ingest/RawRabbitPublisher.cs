using RabbitMQ.Client;

namespace Whfb.Benchmarks.Ingest;

/// <summary>
/// The baseline: RabbitMQ.Client 7 publishing the same messages straight to the same exchanges, persistent, with
/// publisher confirms tracked by the client, one channel per worker, each batch's publishes concurrent.
/// </summary>
public sealed class RawRabbitPublisher : IAsyncDisposable
{
    private readonly IConnection connection;
    private readonly IChannel[] channels;
    private readonly BasicProperties properties = new() { Persistent = true, ContentType = "application/json" };

    private RawRabbitPublisher(IConnection connection, IChannel[] channels)
    {
        this.connection = connection;
        this.channels = channels;
    }

    public static async Task<RawRabbitPublisher> ConnectAsync(string amqp, int channels)
    {
        var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync();
        var options = new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true,
            outstandingPublisherConfirmationsRateLimiter: null);
        var opened = new IChannel[channels];
        for (var i = 0; i < channels; i++)
            opened[i] = await connection.CreateChannelAsync(options);
        return new RawRabbitPublisher(connection, opened);
    }

    /// <summary>Publishes the batch's messages concurrently and returns once every one is confirmed.</summary>
    public async Task PublishAsync(int worker, IReadOnlyList<(string Exchange, byte[] Body)> messages)
    {
        var channel = channels[worker % channels.Length];
        var confirms = new Task[messages.Count];
        for (var i = 0; i < messages.Count; i++)
            confirms[i] = channel.BasicPublishAsync(messages[i].Exchange, "", false, properties, messages[i].Body).AsTask();
        await Task.WhenAll(confirms);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels)
            await channel.CloseAsync();
        await connection.CloseAsync();
        connection.Dispose();
    }
}
