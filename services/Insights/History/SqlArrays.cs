using Npgsql;
using NpgsqlTypes;

namespace Whfb.Insights.History;

/// <summary>Array parameters for set-based statements (<c>unnest(@a, @b, ...)</c>): one round trip per batch.</summary>
internal static class SqlArrays
{
    public static NpgsqlParameter Of<TRow, TValue>(string name, NpgsqlDbType type, IReadOnlyCollection<TRow> rows, Func<TRow, TValue> value) =>
        new(name, NpgsqlDbType.Array | type) { Value = rows.Select(value).ToArray() };

    public static NpgsqlCommand Command(string sql, NpgsqlConnection connection, NpgsqlTransaction transaction, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }
}
