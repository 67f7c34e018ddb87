using System.Data.Common;
using Npgsql;

namespace Whfb.Insights.Analytics;

/// <summary>Runs one read-only query and maps each row; analytics read the projections and rollups with plain SQL.</summary>
public sealed class Db(NpgsqlDataSource dataSource)
{
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
