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

    /// <summary>Built with these consumers counting into <paramref name="received"/>.</summary>
    public static IHost Build(
        string name, string connectionString, ReceivedEvents received, Action<IBusRegistrationConfigurator> consumers,
        params (string Key, string? Value)[] settings)
    {
        var builder = Builder(name, connectionString, settings);
        builder.AddMessaging(consumers);
        builder.Services.AddSingleton(received);
        return builder.Build();
    }
}
