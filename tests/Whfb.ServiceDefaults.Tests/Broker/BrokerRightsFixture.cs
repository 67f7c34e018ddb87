using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;
using Whfb.Testing;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Broker;

/// <summary>
/// A virtual host where each service has a user with its rights from deploy/local/rabbitmq-users.conf, and a host per
/// service started as that user with the real consumers' endpoints: Ingest publishes device events, SyncTracker consumes
/// them and publishes KeySynced, Insights and Policy consume both.
/// </summary>
public sealed class BrokerRightsFixture : IAsyncLifetime
{
    private readonly List<IHost> hosts = [];

    public static readonly string[] Services = ["ingest", "synctracker", "policy", "insights"];

    public IsolatedVirtualHost VirtualHost { get; private set; } = null!;

    public Dictionary<string, string> Logins { get; } = [];

    public Dictionary<string, ReceivedEvents> Received { get; } = [];

    public IHost Ingest => hosts[0];

    public IHost SyncTracker => hosts[1];

    public async Task InitializeAsync()
    {
        VirtualHost = await IsolatedVirtualHost.CreateAsync("rights");
        foreach (var service in Services)
        {
            Logins[service] = await ServiceBrokerRights.Of(service).AddToAsync(VirtualHost);
        }

        Action<IBusRegistrationConfigurator> both = bus =>
        {
            bus.AddConsumer<NgcKeyRegisteredConsumer>();
            bus.AddConsumer<KeySyncedConsumer>();
        };
        hosts.Add(Start("ingest", _ => { }));
        hosts.Add(Start("synctracker", bus => bus.AddConsumer<NgcKeyRegisteredConsumer>()));
        hosts.Add(Start("insights", both));
        hosts.Add(Start("policy", both));
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

    private IHost Start(string service, Action<IBusRegistrationConfigurator> consumers)
    {
        Received[service] = new ReceivedEvents();
        return BrokerHost.Build(service, Logins[service], Received[service], consumers);
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
