namespace Whfb.Testing;

/// <summary>
/// Where the real servers are. Defaults match <c>deploy/local</c> (fixed loopback ports); the environment
/// (e.g. <c>.local/env.sh</c> or a CI) overrides them.
/// </summary>
public sealed record ServerSettings(
    string PostgresConnectionString,
    Uri RabbitMqAmqp,
    Uri RabbitMqManagement,
    string RabbitMqUser,
    string RabbitMqPassword)
{
    /// <summary>The broker's TLS listener (amqps://, the administrator), when it has one (deploy/local's start.sh makes it).</summary>
    public Uri? RabbitMqAmqps { get; init; }

    /// <summary>PEM file of the CA that signs the TLS listener's certificate.</summary>
    public string? RabbitMqCaFile { get; init; }

    public static ServerSettings FromEnvironment()
    {
        var amqp = new Uri(Env("ConnectionStrings__rabbitmq", "amqp://whfb:whfb@127.0.0.1:56729/"));
        var userInfo = amqp.UserInfo.Split(':', 2);
        return new ServerSettings(
            Env("ConnectionStrings__postgres", "Host=127.0.0.1;Port=54329;Username=postgres;Password=postgres"),
            amqp,
            new Uri(Env("WHFB_RABBITMQ_MANAGEMENT", "http://127.0.0.1:15679")),
            Uri.UnescapeDataString(userInfo[0]),
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest")
        {
            RabbitMqAmqps = Env("WHFB_RABBITMQ_AMQPS", "") is { Length: > 0 } amqps ? new Uri(amqps) : null,
            RabbitMqCaFile = Env("WHFB_RABBITMQ_CA_FILE", "") is { Length: > 0 } ca ? ca : null,
        };
    }

    private static string Env(string name, string fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : fallback;
}
