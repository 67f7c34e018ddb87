using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace Whfb.Testing;

/// <summary>
/// The one shared source of real servers for every test: containers when a Docker engine answers, otherwise
/// the servers that <c>deploy/local/start.sh</c> started (settings from the environment). Started once per
/// test process; each test class then isolates itself with <see cref="IsolatedDatabase"/> and
/// <see cref="IsolatedVirtualHost"/>.
/// </summary>
public static class PlatformServers
{
    private static readonly Lazy<Task<ServerSettings>> Settings = new(StartAsync);

    public static Task<ServerSettings> GetAsync() => Settings.Value;

    private static async Task<ServerSettings> StartAsync()
    {
        // Explicit settings (deploy/local's env.sh, a CI) win; so does an explicit opt-out of containers.
        if (Environment.GetEnvironmentVariable("ConnectionStrings__postgres") is { Length: > 0 }
            || Environment.GetEnvironmentVariable("WHFB_USE_TESTCONTAINERS") == "false")
        {
            return ServerSettings.FromEnvironment();
        }

        PostgreSqlContainer postgres;
        RabbitMqContainer rabbit;
        try
        {
            // Building throws DockerUnavailableException within milliseconds when no engine answers.
            postgres = new PostgreSqlBuilder("postgres:15").WithUsername("postgres").WithPassword("postgres").Build();
            rabbit = new RabbitMqBuilder("rabbitmq:3.13-management").WithUsername("whfb").WithPassword("whfb")
                .WithPortBinding(15672, assignRandomHostPort: true).Build();
        }
        catch (Exception)
        {
            return ServerSettings.FromEnvironment();
        }

        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());
        var amqp = new UriBuilder(rabbit.GetConnectionString()) { Path = "/" }.Uri;
        var management = new Uri($"http://{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}");
        return new ServerSettings(postgres.GetConnectionString(), amqp, management, "whfb", "whfb");
    }
}
