using Npgsql;

namespace Whfb.Testing;

/// <summary>A database of its own for one test class, created on the shared server and dropped afterwards.</summary>
public sealed class IsolatedDatabase : IAsyncDisposable
{
    private readonly string serverConnectionString;

    private IsolatedDatabase(string serverConnectionString, string name)
    {
        this.serverConnectionString = serverConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>Names a fresh database; the service under test creates it through its migrations.</summary>
    public static async Task<IsolatedDatabase> CreateAsync(string prefix)
    {
        var settings = await PlatformServers.GetAsync();
        return new IsolatedDatabase(settings.PostgresConnectionString, UniqueName.For(prefix));
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
