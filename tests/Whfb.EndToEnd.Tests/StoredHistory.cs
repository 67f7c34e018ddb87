using Npgsql;

namespace Whfb.EndToEnd.Tests;

/// <summary>What Insights has stored in its lifecycle history, read straight from its database.</summary>
internal static class StoredHistory
{
    public static async Task<long> CountForDeviceAsync(string insightsConnectionString, Guid device)
    {
        await using var connection = new NpgsqlConnection(insightsConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM history WHERE device_id = @d", connection);
        command.Parameters.AddWithValue("d", device);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
