using System.Security.Authentication;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.ServiceDefaults.Health;

namespace Whfb.ServiceDefaults.Messaging;

/// <summary>MassTransit over RabbitMQ, the same way in every service.</summary>
public static class MessagingExtensions
{
    public static IHostApplicationBuilder AddMessaging(
        this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        var serviceName = builder.Services.GetServiceName();
        var options = builder.Configuration.GetSection(MessagingOptions.Section).Get<MessagingOptions>() ?? new MessagingOptions();
        var address = RabbitMqAddress.Parse(builder.Configuration.GetConnectionString("rabbitmq")
            ?? throw new InvalidOperationException("ConnectionStrings:rabbitmq is not set"));
        var broker = builder.Configuration.GetSection(RabbitMqOptions.Section).Get<RabbitMqOptions>() ?? new RabbitMqOptions();
        RefusePlainTextOverNetwork(address, broker);
        var certificateCheck = address.UseTls ? BrokerCertificateCheck.For(broker.CaCertificatesFile) : null;

        // Without this the hosted bus answers "started" before its topology exists and early publishes are dropped.
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            o.WaitUntilStarted = true;
            o.StartTimeout = TimeSpan.FromSeconds(60);
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, includeNamespace: false));
            // MassTransit 8.4+ reports anonymous usage to its vendor over the internet: a platform's services call no one but their own servers.
            x.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "rabbitmq";
                h.Tags.Add(HealthEndpoints.ReadyTag);
            });
            registerConsumers?.Invoke(x);
            x.AddConfigureEndpointsCallback((_, endpoint) => endpoint.ApplyEndpointDefaults(options));
            x.UsingRabbitMq((context, cfg) =>
            {
                cfg.Host(address.Host, (ushort)address.Port, address.VirtualHost, h =>
                {
                    h.Username(address.Username);
                    h.Password(address.Password);
                    h.PublisherConfirmation = true;
                    if (certificateCheck is not null)
                    {
                        h.UseSsl(s =>
                        {
                            s.ServerName = address.Host;
                            s.Protocol = SslProtocols.Tls12 | SslProtocols.Tls13;
                            s.CertificateValidationCallback = certificateCheck;
                        });
                    }
                });
                if (options.DelayedExchange)
                {
                    cfg.UseDelayedMessageScheduler();
                }

                cfg.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    private static void RefusePlainTextOverNetwork(RabbitMqAddress address, RabbitMqOptions broker)
    {
        if (!address.UseTls && !address.IsLoopback && !broker.AllowPlainText)
        {
            throw new InvalidOperationException(
                $"ConnectionStrings:rabbitmq is plain amqp:// to {address.Host}: the broker password and every message would cross the "
                + "network unencrypted. Use amqps:// (with RabbitMq:CaCertificatesFile naming the CA of a private broker certificate), "
                + "or set RabbitMq:AllowPlainText=true where the network itself is trusted.");
        }
    }

    private static void ApplyEndpointDefaults(this IReceiveEndpointConfigurator endpoint, MessagingOptions options)
    {
        // Nothing consumes Fault<T>, and publishing one needs a Fault exchange per message type that each service's broker
        // user may not write: the failed message itself stays in the endpoint's _error queue.
        endpoint.PublishFaults = false;
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = options.PrefetchCount;
            if (options.QuorumQueues)
            {
                rabbit.SetQuorumQueue();
            }
        }

        var immediate = options.EffectiveRetryIntervalsMs.Select(ms => TimeSpan.FromMilliseconds(ms));
        var redelivery = options.EffectiveRedeliveryIntervalsSec.Select(s => TimeSpan.FromSeconds(s));
        if (options.DelayedExchange)
        {
            endpoint.UseDelayedRedelivery(r => r.Intervals([.. redelivery]));
            endpoint.UseMessageRetry(r => r.Intervals([.. immediate]));
        }
        else
        {
            // Nested retry filters do not compose in MassTransit: one policy, immediate intervals then the long ones,
            // while the message stays unacknowledged (a crash hands it back to the queue).
            endpoint.UseMessageRetry(r => r.Intervals([.. immediate, .. redelivery]));
        }
    }

    internal static string GetServiceName(this IServiceCollection services) =>
        services.Select(d => d.ImplementationInstance).OfType<ServiceIdentity>().FirstOrDefault()?.Name
        ?? throw new InvalidOperationException("Call AddServiceDefaults(serviceName) before AddMessaging/AddDatabase.");
}
