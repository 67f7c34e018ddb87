using Npgsql;

namespace Whfb.Testing.Security;

/// <summary>
/// A fingerprint of a service database's rows: every table found in the schema (so a table added later is covered
/// without a change here), each as its row count and a digest of its rows; of one tenant's rows (tables with a
/// tenant_id column) or of all of them.
/// </summary>
public static class TenantRows
{
    public static async Task<string> FingerprintAsync(string connectionString, Guid? tenant = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT t.table_name FROM information_schema.tables t
            WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND (NOT @scoped OR EXISTS (
                SELECT 1 FROM information_schema.columns c
                WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.column_name = 'tenant_id'))
            ORDER BY 1
            """, connection))
        {
            list.Parameters.AddWithValue("scoped", tenant is not null);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var parts = new List<string>();
        foreach (var table in tables)
        {
            await using var digest = new NpgsqlCommand(
                $"SELECT count(*) || ':' || md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) FROM \"{table}\" r"
                + (tenant is null ? "" : " WHERE tenant_id = @t"), connection);
            digest.Parameters.AddWithValue("t", tenant ?? Guid.Empty);
            parts.Add($"{table}={await digest.ExecuteScalarAsync()}");
        }

        return string.Join(' ', parts);
    }
}
