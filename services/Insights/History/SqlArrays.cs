using Npgsql;
using NpgsqlTypes;

namespace Whfb.Insights.History;

/// <summary>
/// Array parameters for set-based statements (<c>unnest(@a, @b, ...)</c>), and batches of such statements: a batch's
/// loads go to the database in one round trip, its saves and rollups in another.
/// </summary>
internal static class SqlArrays
{
    public static NpgsqlParameter Of<TRow, TValue>(string name, NpgsqlDbType type, IReadOnlyCollection<TRow> rows, Func<TRow, TValue> value) =>
        new(name, NpgsqlDbType.Array | type) { Value = rows.Select(value).ToArray() };

    /// <summary>A statement over <paramref name="rows"/>, or none when there are no rows (nothing to send).</summary>
    public static NpgsqlBatchCommand? Statement(string sql, int rows, params NpgsqlParameter[] parameters)
    {
        if (rows == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public static async Task ExecuteAsync(IEnumerable<NpgsqlBatchCommand?> statements, NpgsqlConnection c, NpgsqlTransaction t, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(c, t);
        foreach (var statement in statements.OfType<NpgsqlBatchCommand>())
        {
            batch.BatchCommands.Add(statement);
        }

        if (batch.BatchCommands.Count > 0)
        {
            await PreparedAsync(batch, ct);
            await batch.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Prepares the batch's statements: their texts are constant, so after a connection's first batch they are
    /// parsed and planned once per pooled connection instead of once per batch (preparing one already prepared is free).
    /// </summary>
    public static async Task<NpgsqlBatch> PreparedAsync(NpgsqlBatch batch, CancellationToken ct)
    {
        await batch.PrepareAsync(ct);
        return batch;
    }
}
