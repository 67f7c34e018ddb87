using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.ServiceDefaults.Messaging;

namespace Whfb.ServiceDefaults.Tests.Broker;

/// <summary>A host with the services' messaging setup (AddServiceDefaults + AddMessaging) as service <c>name</c>.</summary>
public static class BrokerHost
{
    public static HostApplicationBuilder Builder(string name, string connectionString, params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["ConnectionStrings:rabbitmq"] = connectionString;
        foreach (var (key, value) in settings)
        {
            builder.Configuration[key] = value;
        }

        builder.AddServiceDefaults(name);
        return builder;
    }

    /// <summary>Built with a KeySynced consumer counting into <paramref name="received"/> (none when null).</summary>
    public static IHost Build(string name, string connectionString, KeySyncedCounter? received, params (string Key, string? Value)[] settings)
    {
        var builder = Builder(name, connectionString, settings);
        if (received is null)
        {
            builder.AddMessaging();
        }
        else
        {
            builder.AddMessaging(bus => bus.AddConsumer<KeySyncedConsumer>());
            builder.Services.AddSingleton(received);
        }

        return builder.Build();
    }
}
