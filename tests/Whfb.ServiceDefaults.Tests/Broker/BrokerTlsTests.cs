using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Whfb.Contracts.Keys;
using Whfb.ServiceDefaults.Messaging;
using Whfb.Testing;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Broker;

/// <summary>
/// A service host against the real broker's TLS listener (deploy/local's start.sh makes it, from a CA of its own): it
/// connects when RabbitMq:CaCertificatesFile names that CA, and refuses the broker when the CA is another or none.
/// </summary>
public sealed class BrokerTlsTests : IAsyncLifetime
{
    private IsolatedVirtualHost vhost = null!;
    private ServerSettings settings = null!;

    public async Task InitializeAsync()
    {
        settings = await PlatformServers.GetAsync();
        vhost = await IsolatedVirtualHost.CreateAsync("tls");
    }

    public async Task DisposeAsync() => await vhost.DisposeAsync();

    [Fact]
    public async Task The_service_connects_over_amqps_trusting_the_configured_CA()
    {
        var received = new ReceivedEvents();
        using var host = BrokerHost.Build("insights", Amqps(), received, bus => bus.AddConsumer<KeySyncedConsumer>(), ("RabbitMq:CaCertificatesFile", CaFile()));
        await host.StartAsync();

        var key = new KeyReference(Guid.NewGuid(), Guid.NewGuid(), null, null, "m1", null, DateTimeOffset.UnixEpoch);
        await host.Services.GetRequiredService<IPublishEndpoint>().Publish(new KeySynced(Guid.NewGuid(), key, DateTimeOffset.UnixEpoch, TimeSpan.Zero));
        await Eventually.Async(() => Task.FromResult(received.KeySynced == 1));
        await Eventually.Async(async () => await vhost.ConnectionsOverTlsAsync() is { Count: > 0 } tls && tls.All(t => t));
        await host.StopAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_service_refuses_a_broker_certificate_it_cannot_trust(bool anotherCa)
    {
        var otherCa = Path.Combine(Path.GetTempPath(), $"other-ca-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(otherCa, AnotherCaPem());
        try
        {
            var builder = BrokerHost.Builder("insights", Amqps(), ("RabbitMq:CaCertificatesFile", anotherCa ? otherCa : null));
            builder.AddMessaging(bus => bus.AddConsumer<KeySyncedConsumer>());
            builder.Services.AddSingleton(new ReceivedEvents());
            builder.Services.Configure<MassTransitHostOptions>(o => o.StartTimeout = TimeSpan.FromSeconds(10));
            using var host = builder.Build();

            await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());
            Assert.Empty(await vhost.ConnectionsOverTlsAsync());
        }
        finally
        {
            File.Delete(otherCa);
        }
    }

    private string Amqps() => vhost.AmqpsConnectionString
        ?? throw new InvalidOperationException("the broker has no TLS listener: start it with deploy/local/start.sh (WHFB_RABBITMQ_AMQPS)");

    private string CaFile() => settings.RabbitMqCaFile
        ?? throw new InvalidOperationException("WHFB_RABBITMQ_CA_FILE is not set: source .local/env.sh");

    private static string AnotherCaPem()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Not the broker's CA", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return ca.ExportCertificatePem();
    }
}
