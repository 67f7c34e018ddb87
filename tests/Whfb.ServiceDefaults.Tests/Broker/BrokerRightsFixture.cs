using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using Whfb.Testing;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Broker;

/// <summary>
/// A virtual host where each service has a user with its rights from deploy/local/rabbitmq-users.conf, and the hosts of
/// SyncTracker (publisher), Insights and Policy (KeySynced consumers) started as those users: their topology exists.
/// </summary>
public sealed class BrokerRightsFixture : IAsyncLifetime
{
    private readonly List<IHost> hosts = [];

    public static readonly string[] Services = ["ingest", "synctracker", "policy", "insights"];

    public IsolatedVirtualHost VirtualHost { get; private set; } = null!;

    public Dictionary<string, string> Logins { get; } = [];

    public KeySyncedCounter InsightsReceived { get; } = new();

    public KeySyncedCounter PolicyReceived { get; } = new();

    public IHost SyncTracker => hosts[0];

    public async Task InitializeAsync()
    {
        VirtualHost = await IsolatedVirtualHost.CreateAsync("rights");
        foreach (var service in Services)
        {
            Logins[service] = await ServiceBrokerRights.Of(service).AddToAsync(VirtualHost);
        }

        hosts.Add(BrokerHost.Build("synctracker", Logins["synctracker"], null));
        hosts.Add(BrokerHost.Build("insights", Logins["insights"], InsightsReceived));
        hosts.Add(BrokerHost.Build("policy", Logins["policy"], PolicyReceived));
        foreach (var host in hosts)
        {
            await host.StartAsync();
        }

        // Exchanges of other publishers' events, as their services would have declared them.
        await using var admin = await ConnectAsync(VirtualHost.AmqpConnectionString);
        await using var channel = await admin.CreateChannelAsync();
        foreach (var exchange in (string[])["Whfb.Contracts.Policy:RolloutStarted", "Whfb.Contracts.Health:DirectoryUnreachable"])
        {
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
        }
    }

    public static Task<IConnection> ConnectAsync(string connectionString) =>
        new ConnectionFactory { Uri = new Uri(connectionString) }.CreateConnectionAsync();

    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            await host.StopAsync();
            host.Dispose();
        }

        await VirtualHost.DisposeAsync();
    }
}
