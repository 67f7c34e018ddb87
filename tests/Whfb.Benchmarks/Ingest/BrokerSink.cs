using RabbitMQ.Client;

namespace Whfb.Benchmarks.Ingest;

/// <summary>
/// One length-capped queue bound to every message exchange, so the broker routes and stores each message (as it would
/// for a consumer) without the benchmark's messages piling up.
/// </summary>
public static class BrokerSink
{
    public static async Task DeclareAsync(string amqp, IEnumerable<string> exchanges)
    {
        await using var connection = await new ConnectionFactory { Uri = new Uri(amqp) }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var arguments = new Dictionary<string, object?> { ["x-max-length"] = 10_000, ["x-overflow"] = "drop-head" };
        await channel.QueueDeclareAsync("bench-sink", durable: true, exclusive: false, autoDelete: false, arguments);
        foreach (var exchange in exchanges)
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await channel.QueueBindAsync("bench-sink", exchange, "");
        }
    }
}
