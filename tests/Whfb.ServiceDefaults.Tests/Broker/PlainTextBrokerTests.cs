using Whfb.ServiceDefaults.Messaging;
using Xunit;

namespace Whfb.ServiceDefaults.Tests.Broker;

/// <summary>Plain amqp:// is refused when the service starts unless it stays on this machine or is allowed explicitly.</summary>
public sealed class PlainTextBrokerTests
{
    [Fact]
    public void Plain_amqp_to_another_host_is_refused_at_start()
    {
        var builder = BrokerHost.Builder("ingest", "amqp://whfb-ingest:secret@rabbitmq.example.net:5672/");

        var refused = Assert.Throws<InvalidOperationException>(() => builder.AddMessaging());
        Assert.Contains("plain amqp:// to rabbitmq.example.net", refused.Message, StringComparison.Ordinal);
        Assert.Contains("RabbitMq:AllowPlainText=true", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("amqp://u:p@127.0.0.1:5672/", null)]
    [InlineData("amqp://u:p@localhost/", null)]
    [InlineData("amqp://u:p@[::1]:5672/", null)]
    [InlineData("amqp://u:p@rabbitmq:5672/", "true")]
    [InlineData("amqps://u:p@rabbitmq.example.net/", null)]
    public void Loopback_explicitly_allowed_plain_text_and_amqps_pass(string connectionString, string? allowPlainText)
    {
        var builder = BrokerHost.Builder("ingest", connectionString, ("RabbitMq:AllowPlainText", allowPlainText));

        builder.AddMessaging();
    }

    [Theory]
    [InlineData("amqps://u:p@broker.example.net/v1", "broker.example.net", 5671, "v1", true)]
    [InlineData("amqp://u:p@broker.example.net/", "broker.example.net", 5672, "/", false)]
    [InlineData("amqps://u:p@127.0.0.1:56730/", "127.0.0.1", 56730, "/", true)]
    public void Parses_scheme_port_and_virtual_host(string connectionString, string host, int port, string vhost, bool tls)
    {
        var address = RabbitMqAddress.Parse(connectionString);

        Assert.Equal((host, port, vhost, tls), (address.Host, address.Port, address.VirtualHost, address.UseTls));
    }
}
