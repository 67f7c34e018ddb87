namespace Whfb.ServiceDefaults.Messaging;

/// <summary>An <c>amqp://user:password@host:port/vhost</c> connection string, taken apart.</summary>
public sealed record RabbitMqAddress(string Host, int Port, string VirtualHost, string Username, string Password)
{
    public static RabbitMqAddress Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || (uri.Scheme != "amqp" && uri.Scheme != "rabbitmq"))
        {
            throw new InvalidOperationException("ConnectionStrings:rabbitmq must look like amqp://user:password@host:port/vhost");
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            uri.Host,
            uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port,
            vhost.Length == 0 ? "/" : vhost,
            userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest",
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest");
    }
}
