using System.Net;

namespace Whfb.ServiceDefaults.Messaging;

/// <summary>An <c>amqp://</c> or <c>amqps://user:password@host:port/vhost</c> connection string, taken apart.</summary>
public sealed record RabbitMqAddress(string Host, int Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public static RabbitMqAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps" or "rabbitmq"))
        {
            throw new InvalidOperationException("ConnectionStrings:rabbitmq must look like amqps://user:password@host:port/vhost (or amqp://)");
        }

        var tls = uri.Scheme == "amqps";
        var userInfo = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            uri.IdnHost,
            uri.IsDefaultPort || uri.Port <= 0 ? (tls ? 5671 : 5672) : uri.Port,
            vhost.Length == 0 ? "/" : vhost,
            userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest",
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest",
            tls);
    }

    /// <summary>
    /// The broker runs on this machine: plain AMQP to it never crosses a network, so nobody can read the password or
    /// the messages on the way.
    /// </summary>
    public bool IsLoopback => Host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
