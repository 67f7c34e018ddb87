using Npgsql;
using Whfb.Insights.History;
using Whfb.Insights.Model;

namespace Whfb.Benchmarks.Insights;

/// <summary>The baseline: binary COPY of the same rows into a table shaped like the history (same partitions, key and indexes).</summary>
public static class RawHistoryCopy
{
    public static async Task CreateTableAsync(NpgsqlDataSource dataSource, DateTimeOffset start, int days)
    {
        var sql = """
            CREATE TABLE history_copy (occurred_at timestamptz NOT NULL, event_id uuid NOT NULL, tenant_id uuid NOT NULL, kind text NOT NULL,
                device_id uuid, user_id uuid, user_principal_name text, rollout_id uuid, ring_index int, detail text,
                recorded_at timestamptz NOT NULL DEFAULT now(), payload jsonb NOT NULL, PRIMARY KEY (occurred_at, event_id)) PARTITION BY RANGE (occurred_at);
            CREATE INDEX ON history_copy (tenant_id, device_id, occurred_at) WHERE device_id IS NOT NULL;
            CREATE INDEX ON history_copy (tenant_id, user_id, occurred_at) WHERE user_id IS NOT NULL;
            """;
        for (var month = new DateTime(start.Year, start.Month, 1); month <= start.AddDays(days + 40).UtcDateTime; month = month.AddMonths(1))
        {
            sql += $"CREATE TABLE history_copy_{month:yyyy_MM} PARTITION OF history_copy FOR VALUES FROM ('{month:yyyy-MM-dd}Z') TO ('{month.AddMonths(1):yyyy-MM-dd}Z');";
        }

        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The same encoding the history writer uses (<see cref="HistoryCopy"/>), in one COPY with nothing else.</summary>
    public static async Task<long> CopyAsync(NpgsqlDataSource dataSource, IEnumerable<HistoryRow> rows)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        return await HistoryCopy.CopyAsync("history_copy", rows, connection, CancellationToken.None);
    }
}
