using System.Net.Http.Headers;
using System.Text;

namespace Whfb.Testing;

/// <summary>
/// A RabbitMQ virtual host of its own for one test class (created through the management API), so leftover
/// queues of other tests never receive copies of its messages. Deleted afterwards.
/// </summary>
public sealed class IsolatedVirtualHost : IAsyncDisposable
{
    private readonly HttpClient management;

    private readonly ServerSettings settings;
    private readonly List<string> users = [];

    private IsolatedVirtualHost(HttpClient management, ServerSettings settings, string name, string amqpConnectionString)
    {
        this.management = management;
        this.settings = settings;
        Name = name;
        AmqpConnectionString = amqpConnectionString;
    }

    public string Name { get; }

    /// <summary>amqp://user:password@host:port/&lt;vhost&gt;</summary>
    public string AmqpConnectionString { get; }

    /// <summary>amqps://user:password@host:tls-port/&lt;vhost&gt; (the administrator over TLS), or null when the broker has no TLS listener.</summary>
    public string? AmqpsConnectionString => settings.RabbitMqAmqps is { } amqps ? new UriBuilder(amqps) { Path = "/" + Name }.Uri.ToString() : null;

    public static async Task<IsolatedVirtualHost> CreateAsync(string prefix)
    {
        var settings = await PlatformServers.GetAsync();
        var name = UniqueName.For(prefix);
        var http = new HttpClient { BaseAddress = settings.RabbitMqManagement, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{settings.RabbitMqUser}:{settings.RabbitMqPassword}")));

        (await http.PutAsync($"api/vhosts/{name}", Json("{}"))).EnsureSuccessStatusCode();
        var permissions = """{"configure":".*","write":".*","read":".*"}""";
        (await http.PutAsync($"api/permissions/{name}/{Uri.EscapeDataString(settings.RabbitMqUser)}", Json(permissions)))
            .EnsureSuccessStatusCode();

        var amqp = new UriBuilder(settings.RabbitMqAmqp) { Path = "/" + name }.Uri.ToString();
        return new IsolatedVirtualHost(http, settings, name, amqp);
    }

    /// <summary>
    /// A broker user of this test (a unique name from <paramref name="prefix"/>, deleted afterwards) with these rights on
    /// this virtual host only. Returns its amqp:// connection string.
    /// </summary>
    public async Task<string> AddUserAsync(string prefix, string configure, string write, string read)
    {
        var user = UniqueName.For(prefix);
        var password = Guid.NewGuid().ToString("N");
        users.Add(user);
        var body = System.Text.Json.JsonSerializer.Serialize(new { password, tags = "" });
        (await management.PutAsync($"api/users/{user}", Json(body))).EnsureSuccessStatusCode();
        var rights = System.Text.Json.JsonSerializer.Serialize(new { configure, write, read });
        (await management.PutAsync($"api/permissions/{Name}/{user}", Json(rights))).EnsureSuccessStatusCode();
        return new UriBuilder(AmqpConnectionString) { UserName = user, Password = password }.Uri.ToString();
    }

    /// <summary>The management API's description of a queue (type, message counts, ...).</summary>
    public Task<string> QueueJsonAsync(string queue) => management.GetStringAsync($"api/queues/{Name}/{queue}");

    /// <summary>Messages published into this virtual host so far (the management API's message_stats.publish; 0 before the first).</summary>
    public async Task<long> PublishedMessagesAsync()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(await management.GetStringAsync($"api/vhosts/{Name}"));
        return doc.RootElement.TryGetProperty("message_stats", out var stats) && stats.TryGetProperty("publish", out var published)
            ? published.GetInt64() : 0;
    }

    /// <summary>Whether each client connection to this virtual host runs over TLS (the management API's "ssl").</summary>
    public async Task<IReadOnlyList<bool>> ConnectionsOverTlsAsync()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(await management.GetStringAsync($"api/vhosts/{Name}/connections"));
        return [.. doc.RootElement.EnumerateArray().Select(c => c.GetProperty("ssl").GetBoolean())];
    }

    /// <summary>Messages in a queue; 0 when the queue does not exist yet.</summary>
    public async Task<int> MessagesInQueueAsync(string queue)
    {
        var response = await management.GetAsync($"api/queues/{Name}/{queue}");
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return 0;
        }

        var json = await response.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty("messages", out var m) && m.ValueKind == System.Text.Json.JsonValueKind.Number ? m.GetInt32() : 0;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await management.DeleteAsync($"api/vhosts/{Name}");
            foreach (var user in users)
            {
                await management.DeleteAsync($"api/users/{user}");
            }
        }
        finally
        {
            management.Dispose();
        }
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
