using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Whfb.Contracts.Devices;
using Whfb.Contracts.Keys;
using Whfb.Testing;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Broker;

/// <summary>
/// Each service's broker user (rights of deploy/local/rabbitmq-users.conf, on the real RabbitMQ) may run its own MassTransit
/// topology and publish its own events, but neither publish another service's events nor read another service's queue.
/// </summary>
public sealed class BrokerRightsTests(BrokerRightsFixture broker) : IClassFixture<BrokerRightsFixture>
{
    /// <summary>AMQP's ACCESS_REFUSED: the broker closes the channel with it.</summary>
    private const ushort AccessRefused = 403;

    [Fact]
    public async Task Services_declare_their_topology_and_exchange_events_as_their_own_users()
    {
        var header = new DeviceEventHeader(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "PC1", null, null, "Microsoft-Windows-HelloForBusiness/Operational", 5204, 1, DateTimeOffset.UnixEpoch);
        await broker.Ingest.Services.GetRequiredService<IPublishEndpoint>()
            .Publish(DeviceEventBatch.Of(new NgcKeyRegistered(header, Guid.NewGuid(), null, null, null, null, null)));
        var key = new KeyReference(header.TenantId, Guid.NewGuid(), "a@contoso.test", header.DeviceId, "m1", null, DateTimeOffset.UnixEpoch);
        await broker.SyncTracker.Services.GetRequiredService<IPublishEndpoint>()
            .Publish(new KeySynced(Guid.NewGuid(), key, DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(3)));

        await Eventually.Async(() => Task.FromResult(
            broker.Received["synctracker"].DeviceBatches >= 1 && broker.Received["insights"].DeviceBatches >= 1
            && broker.Received["policy"].DeviceBatches >= 1
            && broker.Received["insights"].KeySynced >= 1 && broker.Received["policy"].KeySynced >= 1));
    }

    [Theory]
    [InlineData("insights", "Whfb.Contracts.Keys:KeySynced")]
    [InlineData("ingest", "Whfb.Contracts.Keys:KeySynced")]
    [InlineData("policy", "Whfb.Contracts.Keys:KeySynced")]
    [InlineData("synctracker", "Whfb.Contracts.Policy:RolloutStarted")]
    [InlineData("policy", "Whfb.Contracts.Health:DirectoryUnreachable")]
    [InlineData("ingest", "insights-key-synced")]
    [InlineData("synctracker", "")] // the default exchange, which routes to any queue by its name
    public async Task A_service_cannot_publish_to_another_services_exchange(string service, string exchange)
    {
        await using var connection = await BrokerRightsFixture.ConnectAsync(broker.Logins[service]);
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.BasicPublishAsync(exchange, "insights-key-synced", "{}"u8.ToArray());
        }
        catch (AlreadyClosedException)
        {
            // The broker may close the channel before the publish call returns.
        }

        await Eventually.Async(() => Task.FromResult(channel.IsClosed), TimeSpan.FromSeconds(10));
        Assert.Equal<ushort?>(AccessRefused, channel.CloseReason?.ReplyCode);
    }

    [Theory]
    [InlineData("synctracker", "insights-key-synced")]
    [InlineData("ingest", "insights-key-synced")]
    [InlineData("insights", "policy-key-synced")]
    public async Task A_service_cannot_read_another_services_queue(string service, string queue)
    {
        await using var connection = await BrokerRightsFixture.ConnectAsync(broker.Logins[service]);
        await using var channel = await connection.CreateChannelAsync();

        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => channel.BasicGetAsync(queue, autoAck: false));
        Assert.Equal<ushort?>(AccessRefused, refused.ShutdownReason?.ReplyCode);
    }

    [Fact]
    public async Task A_service_reads_its_own_queue()
    {
        await using var connection = await BrokerRightsFixture.ConnectAsync(broker.Logins["insights"]);
        await using var channel = await connection.CreateChannelAsync();

        await channel.BasicGetAsync("insights-key-synced", autoAck: false);
        Assert.True(channel.IsOpen);
    }
}
