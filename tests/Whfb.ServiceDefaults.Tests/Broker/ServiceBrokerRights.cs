using Whfb.Testing;

namespace Whfb.ServiceDefaults.Tests.Broker;

/// <summary>A service's broker rights as deploy/local/rabbitmq-users.conf grants them, so tests check the real regexes.</summary>
public sealed record ServiceBrokerRights(string User, string Configure, string Write, string Read)
{
    public static ServiceBrokerRights Of(string service)
    {
        var file = Path.Combine(RepositoryPaths.Root, "deploy", "local", "rabbitmq-users.conf");
        var columns = File.ReadLines(file)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .SingleOrDefault(c => c[0] == "whfb-" + service)
            ?? throw new InvalidOperationException($"{file} has no user whfb-{service}");
        return new ServiceBrokerRights(columns[0], columns[1], columns[2], columns[3]);
    }

    /// <summary>A user of this test with these rights on the virtual host; returns its amqp:// connection string.</summary>
    public Task<string> AddToAsync(IsolatedVirtualHost vhost) => vhost.AddUserAsync(User, Configure, Write, Read);
}
